using System.Threading.Channels;
using Feeds.Client;

namespace Dashboard.Tests.Client;

/// <summary>
/// A TimeProvider whose timers fire only when the test fires them, so a test can see how long
/// the client means to wait and decide what happens while it waits. The clock reads real time.
/// Kept beside the library's FakeTimeProvider because that one cannot do this job: it does not
/// tell a test when the code under test has created a timer (that the client is now waiting
/// between attempts), nor with what due time, so a randomised backoff could only be bracketed by
/// advancing the clock and then waiting to see whether a reconnect did not happen.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<ManualTimer> _created = Channel.CreateUnbounded<ManualTimer>();
    private int _count;

    public int TimersCreated => Volatile.Read(ref _count);

    /// <summary>
    /// Client options for a test on this clock: idle detection off, so every timer the client
    /// makes is a wait between attempts and <see cref="NextTimerAsync"/> hands out only those.
    /// </summary>
    public static FeedClientOptions BackoffOnly(FeedClientOptions? options = null)
    {
        options ??= new FeedClientOptions();
        options.IdleTimeout = null;
        return options;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        Interlocked.Increment(ref _count);
        _created.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>The next timer the code under test creates, such as a reconnect delay.</summary>
    public async Task<ManualTimer> NextTimerAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            return await _created.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No timer was created within {Patience}.");
        }
    }
}
