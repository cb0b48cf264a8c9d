using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;
using Npgsql;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// Real dashboard instances, each its own process, sharing one fresh database on the test
/// PostgreSQL server. The clock ticks every 100 ms and the other producers are off, so a test
/// reads a steady, predictable stream; <c>deploys</c> is open to publishing with <see cref="PublishKey"/>.
/// </summary>
internal sealed class ClusterInstances(string connectionString) : IAsyncDisposable
{
    public const string PublishKey = "cluster-tests-publish-key";

    private readonly List<DashboardProcess> _instances = [];

    public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { Timeout = TimeSpan.FromSeconds(30) };

    public string ConnectionString => connectionString;

    public static async Task<ClusterInstances> CreateAsync(PostgresServer postgres) =>
        new(await postgres.CreateDatabaseAsync());

    public async Task<DashboardProcess> StartAsync(string name, params string[] arguments)
    {
        var instance = await DashboardProcess.StartAsync(Http,
        [
            "--Feeds:Backplane:Kind=Postgres",
            $"--ConnectionStrings:Feeds={connectionString}",
            $"--Feeds:Backplane:InstanceName={name}",
            "--Feeds:Backplane:LeaderCheckMs=200",
            "--Feeds:Backplane:ReconnectMaxMs=500",
            "--Feeds:Clock:IntervalMs=100",
            "--Feeds:Ticker:Enabled=false",
            "--Feeds:Metrics:Enabled=false",
            "--Feeds:Alerts:Enabled=false",
            $"--Feeds:Publish:ApiKeys:0={PublishKey}",
            "--Feeds:Publish:Topics:0=deploys",
            .. arguments,
        ]);
        _instances.Add(instance);
        return instance;
    }

    public Task<SseConnection> StreamAsync(DashboardProcess instance, string topic, string? lastEventId = null) =>
        SseConnection.OpenAsync(Http, new Uri(instance.BaseAddress, $"/feeds/sse?topic={topic}"), lastEventId);

    /// <summary>Reads events until <paramref name="done"/> holds of the list so far.</summary>
    public static async Task<List<SseItem<string>>> ReadUntilAsync(SseConnection stream, Func<List<SseItem<string>>, bool> done)
    {
        var items = new List<SseItem<string>>();
        while (!done(items))
        {
            items.Add(await stream.NextAsync());
        }

        return items;
    }

    /// <summary>Posts <paramref name="body"/> on <c>deploys</c> as a <c>deploy</c> event, with the key.</summary>
    public async Task<HttpResponseMessage> PublishAsync(DashboardProcess instance, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.BaseAddress, "/feeds/publish/deploys?type=deploy"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PublishKey);
        return await Http.SendAsync(request);
    }

    public static long Id(SseItem<string> item) => long.Parse(item.EventId!, CultureInfo.InvariantCulture);

    /// <summary>The event's <c>ts</c>: Unix ms when it was published.</summary>
    public static long Ts(SseItem<string> item)
    {
        using var data = JsonDocument.Parse(item.Data);
        return data.RootElement.GetProperty("ts").GetInt64();
    }

    /// <summary>The ids the table holds on <paramref name="topic"/> after one id and up to another: what a client must have seen.</summary>
    public async Task<List<long>> IdsInTableAsync(string topic, long after, long through)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM feed_events WHERE topic = @topic AND id > @after AND id <= @through ORDER BY id", connection);
        command.Parameters.AddWithValue("topic", topic);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("through", through);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Http.Dispose();
    }
}
