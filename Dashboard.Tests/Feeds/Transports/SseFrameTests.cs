using System.Net.ServerSentEvents;
using System.Text;
using Feeds.Hub;
using Feeds.Transports;

namespace Dashboard.Tests.Feeds.Transports;

/// <summary>The frame written once per event is byte for byte what SseFormatter wrote per subscriber before.</summary>
[Trait("Tier", "Unit")]
public sealed class SseFrameTests
{
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var text in WireCases.AwkwardTexts.Concat(["{\"topic\":\"ticker/ACME\",\"ts\":1795347035954,\"last\":583.31}", "ends with lf\n", "ends with cr\r", "\r\n", "\n\n"]))
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Format_AnyData_SameBytesAsSseFormatter(string data)
    {
        var expected = await FormatterBytesAsync(new SseItem<string>(data, "quote") { EventId = "1234567" });

        var frame = SseFrame.Format("quote", data, 1234567);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(frame));
        Assert.Equal(expected, frame);
    }

    [Fact]
    public async Task Format_NoId_SameBytesAsSseFormatter()
    {
        var expected = await FormatterBytesAsync(new SseItem<string>("{\"reason\":\"maxEvents\"}", "end"));

        Assert.Equal(expected, SseFrame.Format("end", "{\"reason\":\"maxEvents\"}", id: null));
    }

    [Fact]
    public void Of_SameEventTwice_FormatsOnce()
    {
        var feedEvent = new FeedEvent(42, "ticker/ACME", "quote", "{\"ts\":1}", DateTimeOffset.UnixEpoch);

        var first = SseFrame.Of(feedEvent);
        var second = SseFrame.Of(feedEvent);

        Assert.True(first.Span == second.Span, "the second stream copies the bytes the first one made");
    }

    [Fact]
    public void Equals_OneEventFormatted_StillEqualToAnUnformattedCopy()
    {
        var formatted = new FeedEvent(42, "ticker/ACME", "quote", "{\"ts\":1}", DateTimeOffset.UnixEpoch);
        var plain = new FeedEvent(42, "ticker/ACME", "quote", "{\"ts\":1}", DateTimeOffset.UnixEpoch);
        SseFrame.Of(formatted);

        Assert.Equal(plain, formatted);
        Assert.Equal(plain.GetHashCode(), formatted.GetHashCode());
    }

    [Fact]
    public void With_ChangedData_FormatsTheNewData()
    {
        var original = new FeedEvent(42, "ticker/ACME", "quote", "{\"ts\":1}", DateTimeOffset.UnixEpoch);
        SseFrame.Of(original);

        var changed = original with { Data = "{\"ts\":2}" };

        Assert.Contains("data: {\"ts\":2}\n", Encoding.UTF8.GetString(SseFrame.Of(changed).Span), StringComparison.Ordinal);
    }

    private static async Task<byte[]> FormatterBytesAsync(SseItem<string> item)
    {
        using var stream = new MemoryStream();
        await SseFormatter.WriteAsync(ToAsync(item), stream);
        return stream.ToArray();
    }

    private static async IAsyncEnumerable<SseItem<string>> ToAsync(SseItem<string> item)
    {
        await Task.Yield();
        yield return item;
    }
}
