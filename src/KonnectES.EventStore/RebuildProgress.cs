namespace KonnectES.EventStore;

/// <summary>
/// How far a rebuild got.
/// </summary>
/// <param name="Projection">The projection being rebuilt.</param>
/// <param name="Processed">Events replayed so far.</param>
/// <param name="Total">Events to replay, counted when the rebuild started.</param>
public readonly record struct RebuildProgress(string Projection, long Processed, long Total);
