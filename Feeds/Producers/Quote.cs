namespace Feeds.Producers;

/// <summary>Data of a <c>ticker/{SYMBOL}</c> event (type <c>quote</c>).</summary>
/// <param name="Symbol">The ticker symbol.</param>
/// <param name="Last">Last traded price.</param>
/// <param name="Bid">Best bid; always below <paramref name="Ask"/>.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="Open">Price at the session open.</param>
/// <param name="High">Session high.</param>
/// <param name="Low">Session low.</param>
/// <param name="Change">Last minus open.</param>
/// <param name="ChangePercent">Change as a percentage of open.</param>
/// <param name="Volume">Shares traded since the open.</param>
public sealed record Quote(
    string Symbol,
    decimal Last,
    decimal Bid,
    decimal Ask,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Change,
    decimal ChangePercent,
    long Volume)
{
    public const string TopicPrefix = "ticker/";
    public const string EventType = "quote";
}
