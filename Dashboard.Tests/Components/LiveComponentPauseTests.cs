using Bunit;
using Dashboard.Components.Controls;
using Dashboard.Relay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Components;

/// <summary>LiveComponent while the viewer pauses, on a clock the test moves: render ticks come only when it says.</summary>
[Trait("Tier", "Component")]
public sealed class LiveComponentPauseTests : LiveComponentContext
{
    private readonly FakeTimeProvider _time;

    public LiveComponentPauseTests()
        : this(new FakeTimeProvider())
    {
    }

    private LiveComponentPauseTests(FakeTimeProvider time)
        : base(time) => _time = time;

    [Fact]
    public void Pause_EventsArrive_NothingAppliedUntilResumeThenAllAtOnce()
    {
        var controls = Services.GetRequiredService<PageControls>();
        var cut = Render<CountingComponent>();

        controls.Pause(_time.GetUtcNow());
        for (var i = 0; i < 5; i++)
        {
            Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = i });
        }

        // Render ticks come and go; a paused component lets them pass.
        var renders = cut.Instance.Renders;
        _time.Advance(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, cut.Instance.Applied);
        Assert.Equal(renders, cut.Instance.Renders);

        cut.InvokeAsync(controls.Resume);

        cut.WaitForAssertion(() => Assert.Equal("5", cut.Markup), TimeSpan.FromSeconds(5));
        Assert.Equal(5, cut.Instance.Applied);
    }

    [Fact]
    public void Pause_BacklogBeyondMaxEvents_ResumeRedrawsFromTheWindow()
    {
        Options.MaxEventsPerTopic = 10;
        var controls = Services.GetRequiredService<PageControls>();
        var cut = Render<CountingComponent>();

        controls.Pause(_time.GetUtcNow());
        for (var i = 0; i < 25; i++)
        {
            Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = i });
        }

        cut.InvokeAsync(controls.Resume);

        // The relay's window (10 events) replaces the shown state; no event is applied twice.
        cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Resets), TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal("10", cut.Markup), TimeSpan.FromSeconds(5));
        Assert.Equal(0, cut.Instance.Applied);
    }
}
