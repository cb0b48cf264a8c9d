namespace Feeds.Producers;

/// <summary>
/// Numbers derived from a name that are the same in every process (string.GetHashCode is not), so a
/// simulated symbol or host looks the same after a restart.
/// </summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units, with a final mix so nearby names spread out.</summary>
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>A number in [0, 1) for the name; a different <paramref name="salt"/> gives an independent one.</summary>
    public static double Unit(string name, string salt) => Of(name + "\n" + salt) / 4294967296.0;
}
