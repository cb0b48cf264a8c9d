using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The symbols on <c>ticker/*</c> that moved most since the open: biggest gainers and biggest
/// losers by percentage change, from each symbol's latest quote.
/// </summary>
public sealed partial class TopMovers : LiveComponent
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private readonly Dictionary<string, Quote> _latest = new(StringComparer.Ordinal);

    /// <summary>How many gainers and how many losers to list.</summary>
    [Parameter]
    public int Count { get; set; } = 3;

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Ticker];

    // A symbol flat on the day is neither; a list shorter than Count says the market is quiet.
    private List<Quote> Gainers => _latest.Values.Where(q => q.ChangePercent > 0)
        .OrderByDescending(q => q.ChangePercent).ThenBy(q => q.Symbol, StringComparer.Ordinal).Take(Count).ToList();

    private List<Quote> Losers => _latest.Values.Where(q => q.ChangePercent < 0)
        .OrderBy(q => q.ChangePercent).ThenBy(q => q.Symbol, StringComparer.Ordinal).Take(Count).ToList();

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            if (snapshot.Latest(topic) is { } latest)
            {
                Apply(latest);
            }
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        foreach (var message in batch)
        {
            Apply(message);
        }
    }

    protected override void OnFeedReset(string feed) => _latest.Clear();

    private void Apply(FeedMessage message)
    {
        if (message.Type == Quote.EventType)
        {
            _latest[message.Topic] = message.As<Quote>();
        }
    }
}
