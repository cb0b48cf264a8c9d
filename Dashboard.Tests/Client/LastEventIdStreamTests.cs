using System.Text;
using Feeds.Client;

namespace Dashboard.Tests.Client;

/// <summary>The last event id a reconnect resumes from, as WHATWG's EventSource keeps it: set when an id's block completes.</summary>
[Trait("Tier", "Unit")]
public sealed class LastEventIdStreamTests
{
    [Theory]
    [InlineData("retry: 3000\nid: 41\n: feeds test/a\n\n", "41")]
    [InlineData("id: 41\n\nid: 42\nevent: test\ndata: {}\n", "41")]
    [InlineData("id: 41\n\nid: 42\nevent: test\ndata: {}\n\n", "42")]
    [InlineData("id: 41\r\n\r\n", "41")]
    [InlineData("id: 41\r\rid: 42\r", "41")]
    [InlineData("id:41\n\n", "41")]
    [InlineData("id: 41\n\nevent: reset\ndata: {}\n\n", "41")]
    [InlineData("id: 41\n\nid\n\n", "")]
    [InlineData("id: 41\n\nid: 4\u00002\n\n", "41")]
    [InlineData("idx: 9\nid : 8\n\n", "")]
    public async Task ReadAsync_WholeBody_LastEventIdIsThatOfTheLastCompleteBlock(string wire, string expected)
    {
        using var stream = new LastEventIdStream(new MemoryStream(Encoding.UTF8.GetBytes(wire)));

        await stream.CopyToAsync(Stream.Null);

        Assert.Equal(expected, stream.LastEventId);
    }

    [Fact]
    public async Task ReadAsync_OneByteAtATime_SameAsInOneRead()
    {
        using var stream = new LastEventIdStream(new MemoryStream("id: 41\r\n\r\nid: 42\r\ndata: x\r\n"u8.ToArray()));
        var buffer = new byte[1];

        while (await stream.ReadAsync(buffer) > 0)
        {
        }

        Assert.Equal("41", stream.LastEventId);
    }
}
