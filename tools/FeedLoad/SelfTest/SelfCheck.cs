namespace FeedLoad.SelfTest;

/// <summary>
/// The tally of <c>--self-test</c>: FeedLoad is not in the solution's test run, so its wire
/// parsers check themselves, and the closing line is the plain "N passed, N failed" a runner reads.
/// </summary>
internal sealed class SelfCheck(TextWriter output)
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public static async Task<int> RunAsync(TextWriter output)
    {
        var check = new SelfCheck(output);
        WireChecks.Run(check);
        await LoopbackChecks.RunAsync(check);
        output.WriteLine($"{check.Passed} passed, {check.Failed} failed");
        return check.Failed == 0 ? 0 : 1;
    }

    public void That(bool condition, string what)
    {
        if (condition)
        {
            Passed++;
        }
        else
        {
            Failed++;
            output.WriteLine($"FAIL {what}");
        }
    }

    public void Equal<T>(T expected, T actual, string what) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, got {actual}");
}
