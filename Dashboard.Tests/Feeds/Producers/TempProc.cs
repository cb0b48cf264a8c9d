namespace Dashboard.Tests.Feeds.Producers;

/// <summary>A throwaway folder standing in for /proc.</summary>
internal sealed class TempProc : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("proc-").FullName;

    public void Write(string name, string text) => File.WriteAllText(Path.Combine(Root, name), text);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
