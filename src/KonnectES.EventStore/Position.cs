using System.Globalization;

namespace KonnectES.EventStore;

/// <summary>
/// An event's place in the global order: the writing transaction's id, then the sequence number.
/// Ordering by (transaction, sequence) lets readers never skip an event committed late (see the design
/// reference, "global order that is safe for async readers").
/// </summary>
/// <param name="Transaction">The writer's top-level transaction id (<c>xid8</c>).</param>
/// <param name="Sequence">The global sequence number; unique and increasing by allocation, with gaps.</param>
public readonly record struct Position(ulong Transaction, long Sequence) : IComparable<Position>
{
    /// <summary>Before the first event.</summary>
    public static Position Start => default;

    /// <inheritdoc />
    public int CompareTo(Position other)
    {
        var byTransaction = Transaction.CompareTo(other.Transaction);
        return byTransaction != 0 ? byTransaction : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>True when <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(Position left, Position right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(Position left, Position right) => left.CompareTo(right) > 0;

    /// <summary>True unless <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator <=(Position left, Position right) => left.CompareTo(right) <= 0;

    /// <summary>True unless <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator >=(Position left, Position right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Transaction}/{Sequence}");
}
