using Dashboard.Boards;
using Feeds.Hub;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages;

/// <summary>
/// Any topic, ad hoc: the feeds server's topics with a search box, the chosen topic's fields, and a
/// panel of the ticked ones, live. Everything chosen is in the address. Only a topic the server
/// lists is opened: the relay keeps a stream per topic, so the address must not open arbitrary ones.
/// </summary>
public sealed partial class Explore : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<TopicInfo>? _topics;
    private string? _error;
    private string _search = "";
    private ExploreQuery _query = ExploreQuery.From(null, null, null, null);
    private PanelOptions _panel = new();
    private string _panelKey = "";
    private string? _copied;
    private ElementReference _config;
    private IJSObjectReference? _module;

    [Inject]
    private FeedTopics Topics { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The topic shown (<c>?topic=</c>).</summary>
    [SupplyParameterFromQuery(Name = "topic")]
    public string? Topic { get; set; }

    /// <summary>The fields ticked (<c>?field=</c>, repeated).</summary>
    [SupplyParameterFromQuery(Name = "field")]
    public string[]? Fields { get; set; }

    /// <summary>The panel kind (<c>?kind=</c>).</summary>
    [SupplyParameterFromQuery(Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>The unit (<c>?unit=</c>).</summary>
    [SupplyParameterFromQuery(Name = "unit")]
    public string? Unit { get; set; }

    private bool IsKnown => _topics?.Any(t => t.Topic == _query.Topic) == true;

    private IEnumerable<TopicInfo> ShownTopics => (_topics ?? [])
        .Where(t => _search.Length == 0 || t.Topic.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _topics = await Topics.ListAsync(_disposed.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            _topics = [];
            _error = $"The feeds server's topics could not be read: {ex.Message}";
        }
    }

    protected override void OnParametersSet()
    {
        _query = ExploreQuery.From(Topic, Fields, Kind, Unit);
        _panel = _query.ToPanel();
        _panelKey = $"{_panel.Topic}|{string.Join(',', _panel.Fields)}|{_panel.Kind}|{_panel.Unit}";
        _copied = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private void ChooseTopic(string topic) => Go(_query with { Topic = topic, Fields = [] });

    private void ToggleField(string field) => Go(_query with
    {
        Fields = _query.Fields.Contains(field, StringComparer.Ordinal)
            ? [.. _query.Fields.Where(f => f != field)]
            : [.. _query.Fields, field],
    });

    private void Choose(string? kind = null, string? unit = null) => Go(ExploreQuery.From(_query.Topic, _query.Fields, kind ?? _query.Kind, unit ?? _query.Unit));

    // The choice is taken at once, not when the address comes back from the browser: a second
    // change made before that (tick a field, then pick a kind) builds on the first instead of undoing it.
    private void Go(ExploreQuery query)
    {
        _query = query;
        Navigation.NavigateTo(
            Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
            {
                ["topic"] = query.Topic.Length > 0 ? query.Topic : null,
                ["field"] = query.Fields.ToArray(),
                ["kind"] = query.Kind,
                ["unit"] = query.Unit.Length > 0 ? query.Unit : null,
            }),
            replace: true);
    }

    private async Task CopyAsync()
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/copy.js");
            var copied = await _module.InvokeAsync<bool>("copyText", _config, _query.ToConfiguration());
            _copied = copied ? "Copied." : "Selected: press Ctrl+C to copy.";
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
