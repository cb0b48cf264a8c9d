namespace Dashboard.Boards;

/// <summary><c>Dashboard:Boards:{id}</c>: a page of live panels at <c>/boards/{id}</c>.</summary>
public sealed class BoardOptions
{
    /// <summary>The page's heading and its name in the navigation; empty uses the id.</summary>
    public string Title { get; set; } = "";

    /// <summary>The panels, in the order they fill the page's 12-column grid.</summary>
    public List<PanelOptions> Panels { get; set; } = [];
}
