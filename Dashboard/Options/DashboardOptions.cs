using Dashboard.Boards;

namespace Dashboard.Options;

/// <summary>The <c>Dashboard</c> section of appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Base URL of a remote feeds server (e.g. <c>http://feeds.internal:5000</c>). Empty: the feeds
    /// are hosted in this process and the relay reads them from this server's own address.
    /// </summary>
    public string FeedsUrl { get; set; } = "";

    /// <summary>
    /// The key the relay sends as <c>Authorization: Bearer</c> when <c>Feeds:Access</c> protects the
    /// topics the pages show; empty sends none.
    /// </summary>
    public string FeedsKey { get; set; } = "";

    /// <summary>The shortest time between two renders of a live component.</summary>
    public int RenderIntervalMs { get; set; } = 250;

    /// <summary>
    /// How many minutes of recent events the relay keeps per topic: a page opened now is never
    /// empty, and the longest chart window (1 h) has its whole span.
    /// </summary>
    public int WindowMinutes { get; set; } = 60;

    /// <summary>The newest minutes of that window in which every event is kept; before them, one every 2 s.</summary>
    public int DetailMinutes { get; set; } = 15;

    /// <summary>A bound on the relay's window per topic, whatever the rate (15 min of a 4/s ticker, plus 45 min thinned, is about 5,000).</summary>
    public int MaxEventsPerTopic { get; set; } = 6000;

    /// <summary>Warning and critical levels per metric field (<c>cpu</c>, <c>memory</c>, <c>latencyP99Ms</c>, <c>errorRate</c>...).</summary>
    public Dictionary<string, Threshold> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public InspectorOptions Inspector { get; set; } = new();

    /// <summary>Kiosk mode: the pages a wall screen shows in turn and for how long.</summary>
    public KioskOptions Kiosk { get; set; } = new();

    /// <summary>Pages of live panels declared here, by id: each is at <c>/boards/{id}</c> and in the navigation.</summary>
    public Dictionary<string, BoardOptions> Boards { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>IANA time zones shown as world clocks on /clock.</summary>
    public List<string> WorldClocks { get; set; } = [];

    public static readonly IReadOnlyDictionary<string, Threshold> DefaultThresholds = new Dictionary<string, Threshold>(StringComparer.OrdinalIgnoreCase)
    {
        ["cpu"] = new() { Warning = 70, Critical = 90 },
        ["memory"] = new() { Warning = 80, Critical = 95 },
        ["latencyP99Ms"] = new() { Warning = 300, Critical = 800 },
        ["errorRate"] = new() { Warning = 1, Critical = 5 },
    };

    public static readonly IReadOnlyList<string> DefaultWorldClocks = ["America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney"];

    private IReadOnlyDictionary<string, Threshold>? _effectiveThresholds;

    /// <summary>
    /// The thresholds in force: configured ones over the defaults. Merged once, on first read:
    /// widgets look them up on every render, and options are bound before anything reads them.
    /// </summary>
    public IReadOnlyDictionary<string, Threshold> EffectiveThresholds => _effectiveThresholds ??=
        DefaultThresholds.Concat(Thresholds)
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> EffectiveWorldClocks => WorldClocks.Count > 0 ? WorldClocks : DefaultWorldClocks;
}
