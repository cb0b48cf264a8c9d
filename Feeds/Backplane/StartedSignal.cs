namespace Feeds.Backplane;

/// <summary>Awaiting a token used as a signal, such as <c>IHostApplicationLifetime.ApplicationStarted</c>.</summary>
internal static class StartedSignal
{
    /// <summary>Completes when <paramref name="signal"/> is signalled (at once if it was); throws when <paramref name="cancellationToken"/> is cancelled first.</summary>
    public static async Task WhenSignalledAsync(this CancellationToken signal, CancellationToken cancellationToken)
    {
        if (signal.IsCancellationRequested)
        {
            return;
        }

        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (signal.Register(() => signalled.TrySetResult()))
        {
            await signalled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
