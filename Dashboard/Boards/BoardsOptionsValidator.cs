using System.Globalization;
using Dashboard.Options;
using Feeds.Hub;
using Microsoft.Extensions.Options;

namespace Dashboard.Boards;

/// <summary>Checks <c>Dashboard:Boards</c> at start; every failure names its key, e.g. <c>Dashboard:Boards:ops:Panels:2:Kind</c>.</summary>
internal sealed class BoardsOptionsValidator : IValidateOptions<DashboardOptions>
{
    public const int MaxPanels = 48;

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, board) in options.Boards)
        {
            var key = $"Dashboard:Boards:{id}";
            if (!BoardIds.IsValid(id))
            {
                failures.Add($"{key}: the id must be letters, digits, '-' or '_', up to 64 (it is the page's address /boards/{{id}}).");
            }

            if (board.Panels.Count == 0)
            {
                failures.Add($"{key}:Panels must list at least one panel.");
            }
            else if (board.Panels.Count > MaxPanels)
            {
                failures.Add($"{key}:Panels has {board.Panels.Count} panels; a board holds at most {MaxPanels}.");
            }

            for (var i = 0; i < board.Panels.Count; i++)
            {
                ValidatePanel($"{key}:Panels:{i}", board.Panels[i], failures);
            }
        }

        for (var i = 0; i < options.Kiosk.Pages.Count; i++)
        {
            if (BoardIds.FromPath(options.Kiosk.Pages[i]) is { } id && !options.Boards.ContainsKey(id))
            {
                failures.Add($"Dashboard:Kiosk:Pages:{i} names board '{id}', which Dashboard:Boards does not define.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePanel(string key, PanelOptions panel, List<string> failures)
    {
        if (!TopicPattern.TryParse(panel.Topic, out _))
        {
            failures.Add($"{key}:Topic must be a topic such as metrics/self or a prefix such as ticker/* (was '{panel.Topic}').");
        }

        if (!PanelKinds.All.Contains(panel.Kind, StringComparer.Ordinal))
        {
            failures.Add($"{key}:Kind must be one of {string.Join(", ", PanelKinds.All)} (was '{panel.Kind}').");
        }

        if (panel.Fields.Count == 0 && panel.Kind != PanelKinds.Table)
        {
            failures.Add($"{key}:Fields must name at least one field, e.g. cpu or series[*].value (only a table may list whole events).");
        }

        for (var f = 0; f < panel.Fields.Count; f++)
        {
            if (!FieldPath.TryParse(panel.Fields[f], out _))
            {
                failures.Add($"{key}:Fields:{f} must be a path such as cpu, gc.heapBytes or series[*].value, with at most one [*] (was '{panel.Fields[f]}').");
            }
        }

        if (!ValueFormat.IsKnown(panel.Unit))
        {
            failures.Add($"{key}:Unit must be empty or one of {string.Join(", ", ValueFormat.Units)} (was '{panel.Unit}').");
        }

        if (panel.Decimals is < 0 or > 6)
        {
            failures.Add($"{key}:Decimals must be between 0 and 6 (was {panel.Decimals}).");
        }

        if (panel.Min is { } min && panel.Max is { } max && min >= max)
        {
            failures.Add($"{key}:Min ({Number(min)}) must be below Max ({Number(max)}).");
        }

        if (panel.Kind == PanelKinds.Gauge && panel.Max is null && panel.Unit != ValueFormat.Percent)
        {
            failures.Add($"{key}:Max must be set for a gauge (only a percent gauge defaults to 100).");
        }

        if (panel.Thresholds is { } threshold && threshold.Warning > threshold.Critical)
        {
            failures.Add($"{key}:Thresholds: Warning ({Number(threshold.Warning)}) must not be above Critical ({Number(threshold.Critical)}).");
        }

        if (panel.Width is < 1 or > 12)
        {
            failures.Add($"{key}:Width must be between 1 and 12 columns (was {panel.Width}).");
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
