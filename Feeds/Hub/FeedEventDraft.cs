namespace Feeds.Hub;

/// <summary>An event before the backplane has given it an id.</summary>
public sealed record FeedEventDraft(string Topic, string Type, string Data, DateTimeOffset Timestamp)
{
    public FeedEvent WithId(long id) => new(id, Topic, Type, Data, Timestamp);
}
