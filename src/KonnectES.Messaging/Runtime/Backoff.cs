namespace KonnectES.Messaging.Runtime;

/// <summary>
/// Exponential backoff with full jitter in [d, 2d): d = initial × 2^(attempt − 1), capped at the maximum.
/// </summary>
internal static class Backoff
{
    public static TimeSpan Delay(RetryOptions options, int failedAttempt)
    {
        var exponent = Math.Clamp(failedAttempt - 1, 0, 30);
        var ticks = Math.Min(options.InitialDelay.Ticks * (double)(1L << exponent), options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (1 + Random.Shared.NextDouble())));
    }
}
