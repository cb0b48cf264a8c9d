namespace Dashboard.Tests.Shared;

/// <summary>The parsing rules every EventSource client must follow, one case each.</summary>
public static class WireCases
{
    public static readonly IReadOnlyList<WireCase> All =
    [
        new("lf-line-endings", "data: one\n\ndata: two\n\n",
            [new("message", "one", ""), new("message", "two", "")]),
        new("crlf-line-endings", "data: one\r\n\r\ndata: two\r\n\r\n",
            [new("message", "one", ""), new("message", "two", "")]),
        new("cr-line-endings", "data: one\r\rdata: two\r\r",
            [new("message", "one", ""), new("message", "two", "")]),
        new("mixed-line-endings", "data: a\rdata: b\r\ndata: c\n\n",
            [new("message", "a\nb\nc", "")]),
        new("multi-line-data", "data: first line\ndata: second line\ndata:\ndata: fourth\n\n",
            [new("message", "first line\nsecond line\n\nfourth", "")]),
        new("comments-ignored", ": a comment\ndata: kept\n: another\n\n:\n\n",
            [new("message", "kept", "")]),
        new("empty-data-dispatches", "data\n\ndata:\n\n",
            [new("message", "", ""), new("message", "", "")]),
        new(EventTypeWithoutData, "event: lonely\n\nid: 5\n\ndata: after\n\n",
            [new("message", "after", "5")]),
        new("one-space-stripped", "data:no space\n\ndata:  two spaces\n\n",
            [new("message", "no space", ""), new("message", " two spaces", "")]),
        new("event-type", "event: quote\ndata: {\"last\":1}\n\nevent: end\ndata: {}\n\n",
            [new("quote", "{\"last\":1}", ""), new("end", "{}", "")]),
        new("id-persists", "id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n",
            [new("message", "a", "7"), new("message", "b", "7"), new("message", "c", "")]),
        new("id-with-null-ignored", "id: 3\ndata: a\n\nid: 4\u0000x\ndata: b\n\n",
            [new("message", "a", "3"), new("message", "b", "3")]),
        new("retry-and-unknown-fields-dispatch-nothing", "retry: 1500\n\nretry: soon\nfoo: bar\n\ndata: x\n\n",
            [new("message", "x", "")]),
        new("utf8-text", "data: caf\u00e9 \u6771\u4eac \U0001F680 \u2028 \u00e6\u00f8\u00e5\n\n",
            [new("message", "caf\u00e9 \u6771\u4eac \U0001F680 \u2028 \u00e6\u00f8\u00e5", "")]),
        new("bom-stripped", "\uFEFFdata: after bom\n\n",
            [new("message", "after bom", "")]),
        new("unterminated-last-event-dropped", "data: complete\n\ndata: never finished",
            [new("message", "complete", "")]),
    ];

    /// <summary>
    /// Text a publisher may put in an event's fields: line breaks of every kind, what looks like SSE
    /// framing, and UTF-8 beyond ASCII. The server must deliver each exactly.
    /// </summary>
    public static readonly IReadOnlyList<string> AwkwardTexts =
    [
        "line one\nline two",
        "cr\rlf\ncrlf\r\nend",
        "",
        "data: not a field\n\nevent: end\nid: 999\n\n",
        ": not a comment",
        "caf\u00e9 \u6771\u4eac \U0001F680 \u2028\u2029 \u00e6\u00f8\u00e5",
        "nul \u0000 and tab \t",
    ];

    /// <summary>The case where System.Net.ServerSentEvents' SseParser departs from the spec; see SseParserConformanceTests.</summary>
    public const string EventTypeWithoutData = "no-data-no-event";

    public static TheoryData<string> Names() => Select(_ => true);

    public static TheoryData<string> NamesSseParserFollows() => Select(c => c.Name != EventTypeWithoutData);

    private static TheoryData<string> Select(Func<WireCase, bool> predicate)
    {
        var names = new TheoryData<string>();
        foreach (var wireCase in All.Where(predicate))
        {
            names.Add(wireCase.Name);
        }

        return names;
    }

    public static WireCase Get(string name) => All.Single(c => c.Name == name);
}
