using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>
/// A declarative config was imported atomically. <see cref="Changes"/> lists every created, updated
/// and deleted entity with its before and after state (the audit log renders one line per change).
/// </summary>
/// <param name="Mode">Merge or replace.</param>
/// <param name="Changes">In application order (see <see cref="ConfigDiff.Between"/>).</param>
public sealed record ConfigImported(ImportMode Mode, ImmutableArray<EntityChange> Changes) : IConfigEvent;
