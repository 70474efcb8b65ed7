namespace KonnectES.EventStore;

/// <summary>
/// The stream's version did not match the expected version: another writer won. Nothing was stored.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyException(Guid streamId, ExpectedVersion expected, long actualVersion)
        : base($"Stream {streamId}: expected version {expected}, but the stream is at version {actualVersion} " +
               $"({(actualVersion == 0 ? "it does not exist" : "it exists")}).")
    {
        StreamId = streamId;
        Expected = expected;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream whose check failed.</summary>
    public Guid StreamId { get; }

    /// <summary>What the writer expected.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>The stream's version when the check failed; 0 when the stream does not exist.</summary>
    public long ActualVersion { get; }
}
