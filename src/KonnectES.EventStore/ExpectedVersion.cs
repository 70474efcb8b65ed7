using System.Globalization;

namespace KonnectES.EventStore;

/// <summary>
/// What the writer believes about a stream's version before appending: the optimistic-concurrency check.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long NoStreamValue = 0;
    private const long StreamExistsValue = -2;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>No check: the stream is created if missing.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);

    /// <summary>The stream must not exist yet (starting a stream).</summary>
    public static ExpectedVersion NoStream { get; } = new(NoStreamValue);

    /// <summary>The stream must exist, whatever its version.</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    /// <summary>The raw value: a version ≥ 1, 0 for <see cref="NoStream"/>, -1 for <see cref="Any"/>, -2 for <see cref="StreamExists"/>.</summary>
    public long Value { get; }

    /// <summary>The stream's last event must have exactly this version; 0 means the stream must not exist.</summary>
    public static ExpectedVersion Exact(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new ExpectedVersion(version);
    }

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no stream",
        StreamExistsValue => "stream exists",
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };
}
