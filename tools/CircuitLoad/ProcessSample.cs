using System.Globalization;

namespace CircuitLoad;

/// <summary>
/// A process's CPU time and resident memory at one instant, from <c>/proc/PID</c>: the server is
/// another process, and reading /proc costs it nothing.
/// </summary>
internal readonly record struct ProcessSample(DateTime At, double CpuSeconds, long RssBytes, int Threads)
{
    // USER_HZ is 100 on every Linux x86-64 build; /proc/PID/stat counts in it.
    private const double TicksPerSecond = 100;

    public static ProcessSample? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name is in parentheses and may contain spaces: fields start after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var threads = int.Parse(fields[17], CultureInfo.InvariantCulture);
            long rss = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }

            return new ProcessSample(DateTime.UtcNow, cpu, rss, threads);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU used between two samples as a percentage of all the machine's cores.</summary>
    public static double CpuPercentOfMachine(ProcessSample from, ProcessSample to) =>
        (to.CpuSeconds - from.CpuSeconds) / (to.At - from.At).TotalSeconds / Environment.ProcessorCount * 100;
}
