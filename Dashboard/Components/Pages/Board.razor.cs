using Dashboard.Boards;
using Dashboard.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Pages;

/// <summary>A board from <c>Dashboard:Boards:{id}</c>: its panels on a 12-column grid, each live on its own.</summary>
public sealed partial class Board
{
    private BoardOptions? _board;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;

    /// <summary>The board's id, its key under <c>Dashboard:Boards</c>.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    private string Heading => _board is null ? "No such board" : _board.Title.Length > 0 ? _board.Title : Id;

    protected override void OnParametersSet() => _board = Options.Value.Boards.GetValueOrDefault(Id);
}
