using System.Globalization;

namespace Feeds.Producers;

/// <summary>
/// Reads the Linux <c>/proc</c> files the self metrics need. Every read returns null when the file
/// is missing or unreadable (not Linux, a locked-down container), never throws.
/// </summary>
/// <param name="root">The proc mount; tests point it at a folder of their own files.</param>
internal sealed class ProcFiles(string root)
{
    public ProcFiles()
        : this("/proc")
    {
    }

    public string Root => root;

    /// <summary>The machine's CPU time since boot from the <c>cpu</c> line of <c>stat</c>, in clock ticks.</summary>
    public (long Busy, long Total)? ReadCpuTimes()
    {
        var line = ReadLines("stat")?.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already
        // counted in user, so only the first eight add up to the total.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).ToArray();
        var values = new long[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        if (values.Length < 4)
        {
            return null;
        }

        var total = values.Sum();
        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (total - idle, total);
    }

    /// <summary>The 1-minute load average, the first field of <c>loadavg</c>.</summary>
    public double? ReadLoadAverage()
    {
        var first = ReadLines("loadavg")?.FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>The machine's memory, from the <c>MemTotal</c> line of <c>meminfo</c>.</summary>
    public long? ReadMemTotalBytes()
    {
        var line = ReadLines("meminfo")?.FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var kilobytes, "kB"] && long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024
            : null;
    }

    private string[]? ReadLines(string name)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(root, name));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
