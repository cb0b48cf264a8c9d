using System.Threading.RateLimiting;
using Dashboard.Options;
using Microsoft.Extensions.Options;

namespace Dashboard.Inspector;

/// <summary>
/// Bounds the proxied streams: <c>Dashboard:Inspector:MaxStreamsPerClient</c> per client address and
/// <c>Dashboard:Inspector:MaxStreams</c> in all. A stream holds its permit until it ends. The proxy
/// keeps its own count, apart from the feeds' limits, because a dashboard reading a remote feeds
/// server has no feeds limiter, and because a stream proxied to this server's own feeds arrives
/// there from 127.0.0.1, not from the client who asked for it.
/// </summary>
internal sealed class InspectorPermits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly ConcurrencyLimiter _all;
    private int _open;

    public InspectorPermits(IOptions<DashboardOptions> options)
    {
        var inspector = options.Value.Inspector;
        MaxStreams = inspector.MaxStreams;
        MaxStreamsPerClient = inspector.MaxStreamsPerClient;
        _perClient = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetConcurrencyLimiter(client, _ => new ConcurrencyLimiterOptions { PermitLimit = MaxStreamsPerClient, QueueLimit = 0 }));
        _all = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = MaxStreams, QueueLimit = 0 });
    }

    public int MaxStreams { get; }

    public int MaxStreamsPerClient { get; }

    /// <summary>Proxied streams open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>A permit for one stream from <paramref name="client"/>, or why there is none.</summary>
    public Permit TryAcquire(string client)
    {
        var mine = _perClient.AttemptAcquire(client);
        if (!mine.IsAcquired)
        {
            mine.Dispose();
            return new Permit(this, null, null, StatusCodes.Status429TooManyRequests);
        }

        var shared = _all.AttemptAcquire();
        if (!shared.IsAcquired)
        {
            shared.Dispose();
            mine.Dispose();
            return new Permit(this, null, null, StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Increment(ref _open);
        return new Permit(this, mine, shared, StatusCodes.Status200OK);
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _all.Dispose();
    }

    /// <summary>One stream's place under both caps; disposing it frees both.</summary>
    internal sealed class Permit(InspectorPermits owner, RateLimitLease? mine, RateLimitLease? shared, int status) : IDisposable
    {
        private int _released;

        public bool IsAcquired => mine is not null;

        /// <summary>200 when acquired; else 429 (this client is at its cap) or 503 (the server is).</summary>
        public int Status => status;

        public void Dispose()
        {
            if (mine is null || Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            shared?.Dispose();
            mine.Dispose();
            Interlocked.Decrement(ref owner._open);
        }
    }
}
