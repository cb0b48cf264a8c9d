using System.Globalization;
using Dashboard.Demos;
using Feeds.Transports;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages.Demos;

/// <summary>
/// <c>/demos/lifecycle</c>: the browser's side of a clock stream (in <c>lifecycle.js</c>) beside
/// the server's <see cref="StreamLog"/> lines for the streams this page opened.
/// </summary>
public sealed partial class Lifecycle : DemoPage
{
    private const int MaxAllowed = 60;
    private const int MaxLines = 40;

    private readonly List<StreamLogEntry> _lines = [];
    private readonly HashSet<long> _streams = [];
    private StreamLog? _log;
    private long? _marker;
    private int _maxEvents = 5;
    private bool _reconnectOnce;
    private bool _awaitingResume;
    private long? _resumingStream;
    private bool _disposed;

    protected override string Script => "./js/demos/lifecycle.js";

    private int MaxEvents
    {
        get => _maxEvents;
        set => _maxEvents = Math.Clamp(value, 1, MaxAllowed);
    }

    protected override void OnInitialized()
    {
        if (!Hosted)
        {
            return;
        }

        _log = Services.GetRequiredService<StreamLog>();
        _log.Recorded += OnRecorded;
    }

    // Live as soon as it opens: the first stream starts by itself.
    protected override Task OnViewReadyAsync() => OpenAsync();

    private async Task OpenAsync()
    {
        if (View is null)
        {
            return;
        }

        var marker = await Services.GetRequiredService<LifecycleMarker>().NextAsync();
        _marker = marker;
        var url = string.Create(CultureInfo.InvariantCulture, $"/feeds/sse?topic={LifecycleMarker.Topic}&maxEvents={_maxEvents}&lastEventId={marker}");
        _awaitingResume = _reconnectOnce;
        _resumingStream = null;
        await View.InvokeVoidAsync("open", url, _reconnectOnce);
    }

    private async Task CloseAsync()
    {
        if (View is not null)
        {
            await View.InvokeVoidAsync("close");
        }
    }

    /// <summary>Called on whichever thread wrote the log line; keeps only this page's streams.</summary>
    private void OnRecorded(StreamLogEntry entry) => _ = InvokeAsync(() =>
    {
        // A line written while the page was going away may still arrive here.
        if (_disposed)
        {
            return;
        }

        var ours = _streams.Contains(entry.Stream);
        if (!ours && entry is { Event: "opened", Transport: "sse", Topics: LifecycleMarker.Topic }
            && _marker is { } marker && entry.Detail == string.Create(CultureInfo.InvariantCulture, $"resuming after {marker}"))
        {
            // Claimed once: a second page that picked the same marker in the same second gets the next line.
            _marker = null;
            _streams.Add(entry.Stream);
            ours = true;
            if (_awaitingResume)
            {
                _resumingStream = entry.Stream;
            }
        }

        if (!ours)
        {
            return;
        }

        if (entry.Event == "ended" && entry.Stream == _resumingStream)
        {
            // The browser will come back with Last-Event-ID: its last id is the marker of the next stream.
            _awaitingResume = false;
            _resumingStream = null;
            _ = ClaimResumeAsync();
        }

        _lines.Insert(0, entry);
        if (_lines.Count > MaxLines)
        {
            _lines.RemoveAt(_lines.Count - 1);
        }

        StateHasChanged();
    });

    private async Task ClaimResumeAsync()
    {
        try
        {
            if (View is not null && long.TryParse(await View.InvokeAsync<string>("lastId"), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            {
                _marker = last;
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone, and its stream with it.
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_log is not null)
        {
            _log.Recorded -= OnRecorded;
        }

        await base.DisposeAsync();
    }
}
