namespace KonnectES.Messaging;

/// <summary>
/// Retries of a failing handler: exponential backoff with full jitter, then the dead-letter table.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>How many times a message is tried in all before it is dead-lettered. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the second attempt; it doubles per attempt and is jittered into [d, 2d). Default 200 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The largest delay between two attempts, before jitter. Default 1 minute.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);
}
