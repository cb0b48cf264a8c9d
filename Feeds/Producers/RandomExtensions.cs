namespace Feeds.Producers;

internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniform draw in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double NextDouble(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
