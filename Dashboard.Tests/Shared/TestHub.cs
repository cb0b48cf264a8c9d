using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Shared;

/// <summary>A real hub over a real in-memory backplane, and the parts a test inspects. Disposing disposes the hub.</summary>
internal sealed record TestHub(
    FeedHub Hub,
    InMemoryBackplane Backplane,
    FeedStats Stats,
    TopicCatalog Catalog,
    IOptions<FeedsOptions> Options,
    TimeProvider Time) : IDisposable
{
    public void Dispose() => Hub.Dispose();
}
