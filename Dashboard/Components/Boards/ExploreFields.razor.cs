using Dashboard.Boards;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Boards;

/// <summary>
/// The fields of a topic's latest event, numbers ticked to chart them. Renders when the set of
/// fields changes or a sample value does, at the page's throttled rate.
/// </summary>
public sealed partial class ExploreFields
{
    private IReadOnlyList<DetectedField> _fields = [];
    private FeedMessage? _latest;

    /// <summary>The topic whose events are read; read once, so give the component a <c>@key</c>.</summary>
    [Parameter, EditorRequired]
    public string Topic { get; set; } = "";

    /// <summary>The fields ticked now.</summary>
    [Parameter]
    public IReadOnlyList<string> Chosen { get; set; } = [];

    /// <summary>Called with a field's path when the viewer ticks or unticks it.</summary>
    [Parameter]
    public EventCallback<string> OnToggle { get; set; }

    protected override IReadOnlyList<string> Feeds => [Topic];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        if (snapshot.Latest(Topic) is { } latest)
        {
            Show(latest);
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        if (batch.Count > 0)
        {
            Show(batch[^1]);
        }
    }

    private void Show(FeedMessage message)
    {
        _latest = message;
        _fields = FieldDetector.Detect(message.Data);
    }
}
