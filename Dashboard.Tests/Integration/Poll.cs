namespace Dashboard.Tests.Integration;

/// <summary>Asks the same question until the answer is yes or the deadline passes.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// For state seen only from outside (an HTTP endpoint), where there is no event to wait on;
    /// the interval paces the questions, it does not stand in for an event.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var pace = new PeriodicTimer(Interval);
        while (!await condition())
        {
            try
            {
                await pace.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not within {timeout}: {what}.");
            }
        }
    }
}
