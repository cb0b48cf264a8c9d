using System.Text.Json;
using Feeds.Backplane;
using Feeds.Client;
using Feeds.Hub;

namespace Feeds.Transports;

/// <summary>The data of the control events every transport sends: the same envelope as feed events, an empty topic and the time.</summary>
internal static class ControlEvents
{
    public static string Reset(StreamRequest request, FeedHistory replay, TimeProvider time) =>
        Data(new FeedReset(request.AfterId ?? 0, replay.OldestAvailableId), time);

    public static string End(long sent, TimeProvider time) =>
        Data(new FeedEnd(FeedEnd.MaxEventsReason, sent), time);

    private static string Data<T>(T payload, TimeProvider time) =>
        FeedHub.BuildData("", time.GetUtcNow().ToUnixTimeMilliseconds(), JsonSerializer.SerializeToElement(payload, FeedJson.Options));
}
