using System.Globalization;

namespace FeedLoad;

/// <summary>
/// A process's resident memory and CPU time at one moment, read from <c>/proc/PID</c>: the two
/// numbers that say what a server spent on a run, whatever it is written in.
/// </summary>
internal readonly record struct ProcessSample(DateTimeOffset At, long RssBytes, TimeSpan Cpu)
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        // stat's second field is the command in parentheses and may hold spaces: count from the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        long rssKb = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rssKb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                break;
            }
        }

        return new ProcessSample(DateTimeOffset.UtcNow, rssKb * 1024, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    /// <summary>CPU used between two samples, as a percentage of one core (200 is both cores of a 2-core machine).</summary>
    public static double CpuPercent(ProcessSample from, ProcessSample to) =>
        (to.Cpu - from.Cpu).TotalSeconds / (to.At - from.At).TotalSeconds * 100;
}
