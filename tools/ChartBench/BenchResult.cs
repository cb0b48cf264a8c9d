namespace ChartBench;

/// <summary>What chartBench.js returns for one case; times in milliseconds.</summary>
internal sealed record BenchResult(int Points, int Series, int Width, int Height, double DevicePixelRatio, int Redraws, Timing Draw, Timing DrawAndFlush, Timing Append);

internal sealed record Timing(double Median, double P95, double Max);
