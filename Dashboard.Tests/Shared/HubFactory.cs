using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Shared;

/// <summary>Builds the hub the way AddFeeds does, without a host.</summary>
internal static class HubFactory
{
    public static TestHub Create(FeedsOptions? options = null, TimeProvider? time = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options ?? new FeedsOptions());
        time ??= TimeProvider.System;
        var backplane = new InMemoryBackplane(wrapped, time);
        var stats = new FeedStats(time);
        var hub = new FeedHub(backplane, stats, wrapped, time, NullLogger<FeedHub>.Instance);
        return new TestHub(hub, backplane, stats, new TopicCatalog(), wrapped, time);
    }
}
