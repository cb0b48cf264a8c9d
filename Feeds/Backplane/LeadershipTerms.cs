namespace Feeds.Backplane;

/// <summary>Runs work only while this instance leads, again each time it becomes leader.</summary>
public static class LeadershipTerms
{
    /// <summary>
    /// Runs <paramref name="work"/> with a token cancelled when leadership ends or the host stops,
    /// and starts it again at the next term. Returns when the host stops, or when the work
    /// returns by itself while still leading.
    /// </summary>
    public static async Task RunWhileLeadingAsync(this IFeedLeadership leadership, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(leadership);
        ArgumentNullException.ThrowIfNull(work);
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using var termOrStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            try
            {
                await work(termOrStop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (termOrStop.IsCancellationRequested)
            {
                // The term ended or the host is stopping; the loop tells which.
            }

            if (!term.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
