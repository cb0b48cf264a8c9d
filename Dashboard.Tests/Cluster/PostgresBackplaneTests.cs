using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Backplane.Postgres;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Cluster;

/// <summary>The PostgreSQL backplane in this process: ids, delivery, history, retention and restarts against a real database.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class PostgresBackplaneTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly IOptions<FeedsOptions> _options = Microsoft.Extensions.Options.Options.Create(new FeedsOptions { History = { PerTopic = 3 } });
    private readonly List<IAsyncDisposable> _owned = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await postgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dispatch_GivesIncreasingIds_AndEveryInstanceHearsEachEventOnceInOrder()
    {
        var (one, _) = await StartAsync();
        var (two, _) = await StartAsync();
        var heardByOne = Listen(one, 20);
        var heardByTwo = Listen(two, 20);

        // Both instances write at once; the table orders them.
        var written = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? one : two).DispatchAsync(Draft("test/a", $$"""{"n":{{i}}}""")).AsTask()));

        var ids = written.Select(e => e.Id).Order().ToList();
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(ids, (await heardByOne).Select(e => e.Id));
        Assert.Equal(ids, (await heardByTwo).Select(e => e.Id));
        Assert.Equal((await heardByOne).Select(e => e.Data), (await heardByTwo).Select(e => e.Data));
    }

    [Fact]
    public async Task AnEventTooBigForNotify_IsReadFromTheTable_InItsPlace()
    {
        var (backplane, _) = await StartAsync();
        var heard = Listen(backplane, 3);
        var big = $$"""{"notes":"{{new string('y', 12_000)}}"}""";

        await backplane.DispatchAsync(Draft("test/a", """{"n":1}"""));
        var bigEvent = await backplane.DispatchAsync(Draft("test/a", big));
        await backplane.DispatchAsync(Draft("test/a", """{"n":3}"""));

        var events = await heard;
        Assert.Equal(bigEvent.Id, events[1].Id);
        Assert.Equal(big, events[1].Data);
        Assert.True(events[0].Id < events[1].Id && events[1].Id < events[2].Id);
    }

    [Fact]
    public async Task AStrayNotifyOnTheChannel_IsIgnored_AndEventsFlowOn()
    {
        var (backplane, connection) = await StartAsync();
        var heard = Listen(backplane, 1);

        await using (var command = connection.DataSource.CreateCommand("SELECT pg_notify('feed_events', 'not an event'), pg_notify('feed_events', '{\"id\":\"x\"}')"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var written = await backplane.DispatchAsync(Draft("test/a", """{"n":1}"""));

        Assert.Equal(written.Id, Assert.Single(await heard).Id);
        Assert.Null(backplane.Problem);
    }

    [Fact]
    public async Task History_SurvivesARestart_AndIdsGoOnFromWhereTheyWere()
    {
        var (first, firstOwned) = await StartAsync();
        var before = await first.DispatchAsync(Draft("test/a", """{"n":1}"""));
        await firstOwned.DisposeAsync();
        _owned.Remove(firstOwned);

        var (second, _) = await StartAsync();
        var after = await second.DispatchAsync(Draft("test/a", """{"n":2}"""));
        var history = await second.ReadHistoryAsync(TopicFilter.Parse("test/*"), 0);

        Assert.True(after.Id > before.Id);
        Assert.Equal([before.Id, after.Id], history.Events.Select(e => e.Id));
        Assert.Equal(before.Data, history.Events[0].Data);
        Assert.Equal(before.Timestamp, history.Events[0].Timestamp);
    }

    [Fact]
    public async Task Retention_KeepsPerTopic_AndAResumeFromBeforeTheCutIsTold()
    {
        var (backplane, connection) = await StartAsync();
        var events = new List<FeedEvent>();
        for (var i = 0; i < 6; i++)
        {
            events.Add(await backplane.DispatchAsync(Draft("test/a", $$"""{"n":{{i}}}""")));
            await backplane.DispatchAsync(Draft("test/b", $$"""{"n":{{i}}}"""));
        }

        var retention = new PostgresRetention(connection, SoleLeadership.Default, _options, NullLogger<PostgresRetention>.Instance);
        Assert.Equal(6, await retention.TrimAsync(CancellationToken.None));

        var fromStart = await backplane.ReadHistoryAsync(TopicFilter.Parse("test/a"), events[0].Id);
        Assert.False(fromStart.Complete);
        Assert.Equal(events[2].Id, fromStart.OldestAvailableId);
        Assert.Equal(events[3..].Select(e => e.Id), fromStart.Events.Select(e => e.Id));

        var fromKept = await backplane.ReadHistoryAsync(TopicFilter.Parse("test/a"), events[2].Id);
        Assert.True(fromKept.Complete);
        Assert.Equal(3, fromKept.Events.Count);
    }

    [Fact]
    public async Task ResumeWithAnIdThisDatabaseNeverGave_IsToldToReset()
    {
        var (backplane, _) = await StartAsync();
        await backplane.DispatchAsync(Draft("test/a", """{"n":1}"""));

        var history = await backplane.ReadHistoryAsync(TopicFilter.Parse("test/a"), 1_000_000);

        Assert.False(history.Complete);
        Assert.Single(history.Events);
    }

    private async Task<(PostgresBackplane Backplane, PostgresConnection Connection)> StartAsync()
    {
        var connection = new PostgresConnection(_connectionString, $"test-{_owned.Count}");
        var backplane = new PostgresBackplane(connection, _options, NullLogger<PostgresBackplane>.Instance);
        _owned.Add(connection);
        _owned.Add(backplane);
        await backplane.StartAsync(CancellationToken.None);
        Assert.Null(backplane.Problem);
        return (backplane, connection);
    }

    private static async Task<List<FeedEvent>> Listen(IFeedBackplane backplane, int count)
    {
        var heard = new List<FeedEvent>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = backplane.Subscribe(e =>
        {
            lock (heard)
            {
                heard.Add(e);
                if (heard.Count == count)
                {
                    done.TrySetResult();
                }
            }
        });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return heard;
    }

    private static FeedEventDraft Draft(string topic, string data) => new(topic, "test", data, DateTimeOffset.UtcNow);
}
