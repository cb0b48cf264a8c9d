using System.Threading.Channels;

namespace Dashboard.Tests.Feeds;

internal static class ChannelReaderExtensions
{
    /// <summary>Generous: a loaded 2-core CI machine is slow, and a passing test never waits this long.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    /// <summary>Reads the next item, failing the test rather than hanging when none comes.</summary>
    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader)
    {
        using var cancel = new CancellationTokenSource(WaitLimit);
        try
        {
            return await reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived within {WaitLimit.TotalSeconds} s.");
        }
    }

    /// <summary>Reads the next <paramref name="count"/> items.</summary>
    public static async Task<List<T>> NextAsync<T>(this ChannelReader<T> reader, int count)
    {
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(await reader.NextAsync());
        }

        return items;
    }

    /// <summary>Everything readable now without waiting.</summary>
    public static List<T> Drain<T>(this ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
