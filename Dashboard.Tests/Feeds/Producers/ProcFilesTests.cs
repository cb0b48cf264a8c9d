using Feeds.Producers;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class ProcFilesTests
{
    [Fact]
    public void Read_LinuxFormats_Parsed()
    {
        using var proc = new TempProc();
        proc.Write("stat", "cpu  14447 10 6223 105591 11426 0 263 5 40 0\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 1\n");
        proc.Write("loadavg", "0.76 0.54 0.34 1/82 4800\n");
        proc.Write("meminfo", "MemTotal:       24683620 kB\nMemFree:         1000 kB\n");
        var files = new ProcFiles(proc.Root);

        // Guest time (40) is inside user already; idle is idle + iowait.
        Assert.Equal((14447 + 10 + 6223 + 263 + 5, 14447 + 10 + 6223 + 105591 + 11426 + 263 + 5), files.ReadCpuTimes());
        Assert.Equal(0.76, files.ReadLoadAverage());
        Assert.Equal(24683620L * 1024, files.ReadMemTotalBytes());
    }

    [Fact]
    public void Read_Missing_Null()
    {
        using var proc = new TempProc();
        var files = new ProcFiles(Path.Combine(proc.Root, "absent"));

        Assert.Null(files.ReadCpuTimes());
        Assert.Null(files.ReadLoadAverage());
        Assert.Null(files.ReadMemTotalBytes());
    }

    [Fact]
    public void Read_Garbage_Null()
    {
        using var proc = new TempProc();
        proc.Write("stat", "cpu  lots of time\n");
        proc.Write("loadavg", "high\n");
        proc.Write("meminfo", "MemTotal: plenty\n");
        var files = new ProcFiles(proc.Root);

        Assert.Null(files.ReadCpuTimes());
        Assert.Null(files.ReadLoadAverage());
        Assert.Null(files.ReadMemTotalBytes());
    }

    [Fact]
    public void Read_ThisMachine_PlausibleWhenOnLinux()
    {
        var files = new ProcFiles();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(files.ReadCpuTimes());
            return;
        }

        var cpu = files.ReadCpuTimes();
        Assert.NotNull(cpu);
        Assert.InRange(cpu.Value.Busy, 0, cpu.Value.Total);
        Assert.True(files.ReadLoadAverage() >= 0);
        Assert.True(files.ReadMemTotalBytes() > 0);
    }
}
