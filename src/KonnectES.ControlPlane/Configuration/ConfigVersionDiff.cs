using KonnectES.Domain;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>What changed between two versions of a configuration.</summary>
/// <param name="FromVersion">The older side.</param>
/// <param name="ToVersion">The newer side.</param>
/// <param name="Changes">Per entity: created, updated or deleted, with before and after (secrets included: mask before display).</param>
public sealed record ConfigVersionDiff(long FromVersion, long ToVersion, IReadOnlyList<EntityChange> Changes);
