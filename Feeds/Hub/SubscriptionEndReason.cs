namespace Feeds.Hub;

public enum SubscriptionEndReason
{
    /// <summary>The consumer let its queue fill; it should reconnect and resume from its last id.</summary>
    Overflow,

    /// <summary>The consumer disposed the subscription.</summary>
    Disposed,

    /// <summary>The hub is stopping.</summary>
    Shutdown,
}
