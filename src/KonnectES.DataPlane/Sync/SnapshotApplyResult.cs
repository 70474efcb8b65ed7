namespace KonnectES.DataPlane.Sync;

/// <summary>The proxy's answer to a snapshot: applied, or refused with the reasons (sent to the control plane in a NACK).</summary>
/// <param name="Errors">Empty when applied; otherwise one line per problem, the first being the summary.</param>
internal sealed record SnapshotApplyResult(IReadOnlyList<string> Errors)
{
    /// <summary>The snapshot is being served.</summary>
    public static SnapshotApplyResult Applied { get; } = new([]);

    /// <summary>True when the snapshot was swapped in.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>A refusal with at least one reason.</summary>
    public static SnapshotApplyResult Refused(string error, params IEnumerable<string> details) => new([error, .. details]);
}
