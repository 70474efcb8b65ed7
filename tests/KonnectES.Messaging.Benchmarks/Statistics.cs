namespace KonnectES.Messaging.Benchmarks;

internal static class Statistics
{
    public static double Percentile(List<double> sorted, double q) =>
        sorted[(int)Math.Clamp(Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
