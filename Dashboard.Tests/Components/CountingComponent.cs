using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components.Rendering;

namespace Dashboard.Tests.Components;

/// <summary>Counts what it is given and how often it renders.</summary>
internal sealed class CountingComponent : LiveComponent
{
    private int _count;

    public int Renders { get; private set; }

    public int Backfilled { get; private set; }

    public int Applied { get; private set; }

    public int Resets { get; private set; }

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Ticker];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        Backfilled = snapshot.Window("ticker/ACME").Count;
        _count = Backfilled;
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        Applied += batch.Count;
        _count += batch.Count;
    }

    protected override void OnFeedReset(string feed)
    {
        Resets++;
        _count = 0;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        Renders++;
        builder.AddContent(0, _count);
    }
}
