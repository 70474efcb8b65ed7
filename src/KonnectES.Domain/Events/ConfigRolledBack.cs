using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>
/// The configuration was restored to the one it had at <see cref="ToVersion"/>. <see cref="Changes"/>
/// transform the previous state into that one exactly (same <see cref="ConfigHash"/>), so the
/// rollback is itself an ordinary, auditable and reversible change.
/// </summary>
/// <param name="ToVersion">The restored version.</param>
/// <param name="RestoredHash">The hash the restored configuration has (equal to version <paramref name="ToVersion"/>'s).</param>
/// <param name="Changes">Current → restored, in application order.</param>
public sealed record ConfigRolledBack(long ToVersion, string RestoredHash, ImmutableArray<EntityChange> Changes) : IConfigEvent;
