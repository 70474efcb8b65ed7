namespace KonnectES.DataPlane.Sync;

/// <summary>
/// Exponential backoff with full jitter: the n-th retry waits a uniformly random time in [0, min(max, initial·2ⁿ)],
/// so many data planes that lost the same node do not come back in step.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _attempt;

    /// <summary>Retries since the last <see cref="Reset"/>.</summary>
    public int Attempt => _attempt;

    /// <summary>The upper bound of the wait before retry number <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var ticks = Math.Min(max.Ticks, initial.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait before the next retry; each call counts one more attempt.</summary>
    public TimeSpan Next()
    {
        var ceiling = Ceiling(_attempt);
        _attempt++;
        return TimeSpan.FromTicks((long)(_random.NextDouble() * ceiling.Ticks));
    }

    /// <summary>Back to the initial delay, after a success.</summary>
    public void Reset() => _attempt = 0;
}
