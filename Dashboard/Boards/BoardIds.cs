namespace Dashboard.Boards;

/// <summary>Board ids as they appear in <c>/boards/{id}</c>.</summary>
public static class BoardIds
{
    public const string PathPrefix = "/boards/";

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The id in a path such as <c>/boards/ops</c>, or null when the path is not a board's.</summary>
    public static string? FromPath(string path)
    {
        var bare = path.Split('?', '#')[0];
        return bare.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) && bare.Length > PathPrefix.Length
            ? bare[PathPrefix.Length..].TrimEnd('/')
            : null;
    }

    public static string PathOf(string id) => PathPrefix + Uri.EscapeDataString(id);
}
