using Dashboard.Circuits;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Widgets;

/// <summary>
/// Candlesticks (open, high, low, close) with volume for one symbol over the page's time window,
/// built here from its quotes and drawn by candles.js: the window's candles once, then only the
/// candles each batch changed.
/// </summary>
public sealed partial class CandleChart : IAsyncDisposable
{
    internal const string ModulePath = "./js/candles.js";

    // The newest candles can still change; older ones are final and forgotten here.
    private readonly SortedDictionary<long, Candle> _open = [];
    private ElementReference _element;
    private IJSObjectReference? _module;
    private (string Symbol, int Window)? _drawn;
    private long _lastId;
    private long? _lastVolume;
    private bool _reset;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private FeedRelay CandleRelay { get; set; } = default!;

    [Inject]
    private CircuitConnection Connection { get; set; } = default!;

    /// <summary>The ticker symbol, e.g. <c>ACME</c>.</summary>
    [Parameter, EditorRequired]
    public string Symbol { get; set; } = "";

    /// <summary>The plot's height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 260;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Ticker];

    private string Topic => Quote.TopicPrefix + Symbol;

    private int Window => Controls.Window.Seconds;

    /// <summary>About 30 to 60 candles across any window.</summary>
    private int CandleSeconds => Window switch
    {
        <= 60 => 2,
        <= 300 => 10,
        <= 900 => 30,
        _ => 60,
    };

    private string CandleLabel => CandleSeconds < 60 ? $"{CandleSeconds} s" : $"{CandleSeconds / 60} min";

    protected override bool ShouldRender() => _drawn is null || _drawn != (Symbol, Window);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await Connection.TryImportAsync(JS, ModulePath);
        }

        if (_module is not null && _drawn != (Symbol, Window))
        {
            await CreateAsync();
        }
    }

    protected override Task OnControlsChangedAsync()
    {
        if (_drawn is not null && _drawn != (Symbol, Window))
        {
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    protected override void OnFeedReset(string feed) => _reset = true;

    protected override void OnResync(string feed, RelaySnapshot snapshot) => _reset = true;

    protected override async Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        if (_module is null || _drawn is null)
        {
            return;
        }

        if (_reset)
        {
            // Cut off, every call would be lost: the relay's window covers what comes meanwhile.
            if (!Connection.IsUp)
            {
                return;
            }

            _reset = false;
            await CreateAsync();
            return;
        }

        var touched = Add(batch);
        if (touched.Count > 0 && !await Connection.TryInvokeVoidAsync(_module, "upsert", _element, touched.Select(Row).ToArray()))
        {
            _reset = true;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_module is null)
        {
            return;
        }

        await Connection.TryInvokeVoidAsync(_module, "destroy", _element);
        await Connection.TryDisposeAsync(_module);
    }

    private static object[] Row(Candle c) => [c.Start / 1000.0, c.Open, c.High, c.Low, c.Close, c.Volume];

    private async Task CreateAsync()
    {
        _drawn = (Symbol, Window);
        _open.Clear();
        _lastId = 0;
        _lastVolume = null;
        var window = CandleRelay.Feed(DashboardFeeds.Ticker).Snapshot().Window(Topic);
        var newest = window.Count > 0 ? window[^1].Ts : 0;
        var candles = Add(window.Where(m => m.Ts >= newest - (Window * 1000L)));
        var data = new object[6];
        data[0] = candles.Select(c => c.Start / 1000.0).ToArray();
        data[1] = candles.Select(c => c.Open).ToArray();
        data[2] = candles.Select(c => c.High).ToArray();
        data[3] = candles.Select(c => c.Low).ToArray();
        data[4] = candles.Select(c => c.Close).ToArray();
        data[5] = candles.Select(c => c.Volume).ToArray();
        if (!await Connection.TryInvokeVoidAsync(_module!, "create", _element, new { height = Height, windowSeconds = Window, candleSeconds = CandleSeconds }, data))
        {
            _reset = true;
        }
    }

    /// <summary>Folds quotes into candles; returns every candle they changed, oldest first.</summary>
    private List<Candle> Add(IEnumerable<FeedMessage> messages)
    {
        var spanMs = CandleSeconds * 1000L;
        var touched = new List<Candle>();
        foreach (var message in messages)
        {
            if (message.Id <= _lastId || !string.Equals(message.Topic, Topic, StringComparison.Ordinal)
                || message.Number("last") is not { } last || message.Number("volume") is not { } volume)
            {
                continue;
            }

            _lastId = message.Id;

            // Volume is cumulative since the open: a candle's volume is what it added. A new session resets it.
            var traded = _lastVolume is { } before && volume >= before ? volume - before : 0;
            _lastVolume = (long)volume;
            var start = message.Ts - (message.Ts % spanMs);
            if (!_open.TryGetValue(start, out var candle))
            {
                candle = new Candle(start, last);
                _open.Add(start, candle);
            }

            candle.Add(last, traded);
            if (!touched.Contains(candle))
            {
                touched.Add(candle);
            }
        }

        while (_open.Count > 2)
        {
            _open.Remove(_open.Keys.First());
        }

        return touched;
    }

    /// <summary>One candle: the first, highest, lowest and last price in its span, and the volume traded in it.</summary>
    private sealed class Candle(long start, double open)
    {
        public long Start { get; } = start;

        public double Open { get; } = Math.Round(open, 4);

        public double High { get; private set; } = Math.Round(open, 4);

        public double Low { get; private set; } = Math.Round(open, 4);

        public double Close { get; private set; } = Math.Round(open, 4);

        public double Volume { get; private set; }

        public void Add(double price, double traded)
        {
            price = Math.Round(price, 4);
            High = Math.Max(High, price);
            Low = Math.Min(Low, price);
            Close = price;
            Volume += traded;
        }
    }
}
