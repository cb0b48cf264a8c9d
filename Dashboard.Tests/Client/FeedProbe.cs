using System.Collections.Concurrent;
using System.Threading.Channels;
using Feeds.Client;

namespace Dashboard.Tests.Client;

/// <summary>
/// Runs a <see cref="FeedClient"/> stream in the background and lets the test wait, with a
/// timeout, for the next message or for a state.
/// </summary>
internal sealed class FeedProbe<T> : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();
    private readonly Channel<FeedConnectionState> _states = Channel.CreateUnbounded<FeedConnectionState>();
    private readonly ConcurrentQueue<FeedConnectionState> _history = new();
    private readonly CancellationTokenSource _stop = new();

    private FeedProbe(Func<Action<FeedConnectionState>, CancellationToken, IAsyncEnumerable<T>> open)
    {
        Completion = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in open(OnStateChanged, _stop.Token))
                {
                    _messages.Writer.TryWrite(message);
                }

                _messages.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                _messages.Writer.TryComplete(ex);
                throw;
            }
        });
    }

    /// <summary>Ends when the stream ends: by cancelling, by a fatal answer, by a 204, or by an <c>end</c> event.</summary>
    public Task Completion { get; }

    /// <summary>Every state reported so far, in order.</summary>
    public IReadOnlyList<FeedConnectionState> States => [.. _history];

    /// <param name="open">Calls the client with the probe's state callback and cancellation token.</param>
    public static FeedProbe<T> Start(Func<Action<FeedConnectionState>, CancellationToken, IAsyncEnumerable<T>> open) => new(open);

    public async Task<T> NextAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            return await _messages.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No message within {Patience}; states so far: {string.Join(", ", States)}.");
        }
    }

    public async Task<List<T>> TakeAsync(int count)
    {
        var messages = new List<T>(count);
        while (messages.Count < count)
        {
            messages.Add(await NextAsync());
        }

        return messages;
    }

    /// <summary>Waits for the next report of <paramref name="state"/>, passing over the others.</summary>
    public async Task WaitForStateAsync(FeedConnectionState state)
    {
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            while (await _states.Reader.ReadAsync(deadline.Token) != state)
            {
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No {state} within {Patience}; states so far: {string.Join(", ", States)}.");
        }
    }

    public void Cancel() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();

        // The test has asserted what it wanted from Completion; how it ended is not the point here.
        await Completion.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private void OnStateChanged(FeedConnectionState state)
    {
        _history.Enqueue(state);
        _states.Writer.TryWrite(state);
    }
}
