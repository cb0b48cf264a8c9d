using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Components.Controls;

/// <summary>
/// What a page's viewer chose (time window, pause, symbol), kept in the query string of the
/// address, so a reload or a bookmark opens the page as it was left: a wall screen is set up
/// by a link. Every page reads and writes its state through this one place (one per circuit).
/// </summary>
public sealed class UrlState(NavigationManager navigation)
{
    // NavigationManager.Uri changes only when the browser reports the navigation back, so two
    // writes in a row would each start from the old address and the second would undo the first.
    private string? _written;
    private string? _writtenFrom;

    private string Current => _written is not null && string.Equals(navigation.Uri, _writtenFrom, StringComparison.Ordinal)
        ? _written
        : navigation.Uri;

    /// <summary>The value of <paramref name="key"/> in the current address, or null.</summary>
    public string? Get(string key) =>
        QueryHelpers.ParseQuery(new Uri(Current).Query).TryGetValue(key, out var value) && value.Count > 0
            ? value[^1]
            : null;

    /// <summary>
    /// Sets <paramref name="key"/> (null removes it) in place: the history gets no entry, Back
    /// still leaves the page, and nothing reloads.
    /// </summary>
    public void Set(string key, string? value)
    {
        if (string.Equals(Get(key), value, StringComparison.Ordinal))
        {
            return;
        }

        var from = navigation.Uri;
        var uri = navigation.GetUriWithQueryParameters(Current, new Dictionary<string, object?> { [key] = value });
        _written = uri;
        _writtenFrom = from;
        navigation.NavigateTo(uri, new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
