namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>One entity of a delta.</summary>
/// <param name="Section">The snapshot section (<c>services</c>, <c>keyauth_credentials</c>…).</param>
/// <param name="Id">The entity id.</param>
/// <param name="Json">The entity as it appears in the snapshot; null for a deletion.</param>
public sealed record SnapshotEntry(string Section, Guid Id, string? Json);
