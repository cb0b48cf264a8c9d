using Dashboard.Components.Widgets;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Unit")]
public sealed class FlashGateTests
{
    [Fact]
    public void TryFlash_TwentyChangesInASecond_AllowsThree()
    {
        var gate = new FlashGate();
        var start = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

        var flashes = Enumerable.Range(0, 20).Count(i => gate.TryFlash(start.AddMilliseconds(i * 50)));

        Assert.Equal(3, flashes);
    }

    [Fact]
    public void TryFlash_ChangesTheGapApart_AllowsEach()
    {
        var gate = new FlashGate();
        var start = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.All(Enumerable.Range(0, 6), i => Assert.True(gate.TryFlash(start + (FlashGate.MinimumGap * i))));
    }
}
