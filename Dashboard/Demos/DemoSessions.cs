using System.Collections.Concurrent;
using System.Security.Cryptography;
using Feeds.Hub;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// Demo sign-ins for <c>/demos/lockscreen</c>. Each has its own topic, <c>session/{id}</c>: an
/// <c>active</c> event at sign-in and an <c>expired</c> one when its timer fires. The page never
/// asks "am I still signed in?"; the server tells it, once, when the answer changes.
/// </summary>
public sealed class DemoSessions(FeedHub hub, TopicCatalog catalog, IOptions<DemosOptions> options, TimeProvider time, ILogger<DemoSessions> logger) : IDisposable
{
    public const string TopicPrefix = "session/";
    public const string EventType = "session";

    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    /// <summary>Sessions open now.</summary>
    public int Count => _timers.Count;

    /// <summary>Signs <paramref name="user"/> in; null when <c>Dashboard:Demos:MaxSessions</c> are open already.</summary>
    public async ValueTask<DemoSession?> SignInAsync(string? user, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (_timers.Count >= settings.MaxSessions)
        {
            return null;
        }

        var name = DemoText.Clean(user);
        name = name.Length == 0 ? "guest" : name[..Math.Min(name.Length, ChatRoom.MaxAuthorLength)];
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var topic = TopicPrefix + id;

        // Declared so /feeds/sse accepts it. The catalog has no way to forget a topic, so ended
        // sessions stay listed until restart; MaxSessions bounds how many are open, not how many ever were.
        catalog.TryDeclare(new TopicInfo(topic, EventType, "A demo sign-in's status: active, then expired.",
            ["state", "user", "expiresAt", "remainingMs"], 0));
        var length = TimeSpan.FromSeconds(settings.SessionSeconds);
        var expiresAt = time.GetUtcNow() + length;
        var signedIn = await hub.PublishAsync(topic, EventType,
            new SessionStatus("active", name, expiresAt.ToUnixTimeMilliseconds(), (long)length.TotalMilliseconds), cancellationToken).ConfigureAwait(false);

        // A timer per session rather than a sweep: nothing runs while no session is due.
        var timer = time.CreateTimer(_ => _ = ExpireAsync(id, name, expiresAt), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[id] = timer;
        timer.Change(length, Timeout.InfiniteTimeSpan);
        DemosLog.SessionStarted(logger, id, name, settings.SessionSeconds);
        return new DemoSession(id, topic, name, expiresAt, signedIn.Id);
    }

    private async Task ExpireAsync(string id, string user, DateTimeOffset expiresAt)
    {
        if (!_timers.TryRemove(id, out var timer))
        {
            return;
        }

        await timer.DisposeAsync().ConfigureAwait(false);
        try
        {
            await hub.PublishAsync(TopicPrefix + id, EventType, new SessionStatus("expired", user, expiresAt.ToUnixTimeMilliseconds(), 0)).ConfigureAwait(false);
            DemosLog.SessionExpired(logger, id);
        }
        catch (Exception ex)
        {
            // A timer callback has no caller to report to; the page stays unlocked, so say why.
            DemosLog.SessionExpiryFailed(logger, id, ex);
        }
    }

    public void Dispose()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }
}
