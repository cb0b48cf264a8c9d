using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A logger provider that holds the server at the moment it logs one event id, until the test lets
/// it go: the test can act at an exact point of the server's work (between two of its steps)
/// without a hook in the product. The server's thread waits at most <see cref="MaxHold"/>.
/// </summary>
internal sealed class LogPause(int eventId) : ILoggerProvider
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();

    /// <summary>Completes when the server logs the event the first time; the server is held there.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the held server go on.</summary>
    public void Release() => _released.Set();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Lets a held server go, so a test that failed before <see cref="Release"/> does not hold its shutdown.</summary>
    public void Dispose() => _released.Set();

    private void Logged(EventId id)
    {
        if (id.Id == eventId && _reached.TrySetResult())
        {
            _released.Wait(MaxHold);
        }
    }

    private sealed class Logger(LogPause pause) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            pause.Logged(eventId);
    }
}
