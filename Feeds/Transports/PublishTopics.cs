using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// Declares the topics open to publishing in the catalog at start, so they are listed and can be
/// subscribed to before anyone has posted on them.
/// </summary>
internal sealed class PublishTopics(TopicCatalog catalog, IOptions<FeedsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var topic in options.Value.Publish.EffectiveTopics)
        {
            // A producer may declare the same topic (the server raises alerts too); its description wins.
            catalog.TryDeclare(new TopicInfo(topic, PublishEndpoint.DefaultType,
                $"Events posted to POST /feeds/publish/{topic}.", [], 0));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
