namespace ChartBench;

/// <summary>
/// Serves the benchmark page and the app's own chart files to the browser from the working
/// tree, through Playwright's request routing: no server, and the code measured is the code
/// the app ships (Dashboard/wwwroot, uPlot as the build installed it).
/// </summary>
internal sealed class BenchFiles(string repositoryRoot)
{
    public const string Origin = "http://chart.bench";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html",
        [".js"] = "text/javascript",
        [".css"] = "text/css",
    };

    /// <summary>The file behind a path, or null.</summary>
    public string? Resolve(string path)
    {
        var wwwroot = Path.Combine(repositoryRoot, "Dashboard", "wwwroot");
        string? file = path switch
        {
            _ when path.StartsWith("/bench/", StringComparison.Ordinal) => Path.Combine(repositoryRoot, "bench", "chart", path["/bench/".Length..]),
            _ => Path.Combine(wwwroot, path.TrimStart('/')),
        };
        return file is not null && File.Exists(file) ? file : null;
    }

    public static string ContentType(string file) => ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");

    /// <summary>Where the repository is: the nearest folder above the working directory with Dashboard.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dashboard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (no Dashboard.sln above the working directory).");
    }
}
