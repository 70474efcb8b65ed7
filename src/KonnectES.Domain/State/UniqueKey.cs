namespace KonnectES.Domain;

/// <summary>A uniqueness key of an entity; equal keys may belong to one entity only.</summary>
internal readonly record struct UniqueKey(string Key, string Field, string Message);
