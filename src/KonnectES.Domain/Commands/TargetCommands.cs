namespace KonnectES.Domain;

/// <summary>Create a target (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateTarget(Target Target) : IConfigCommand;

/// <summary>Replace a target as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateTarget(Target Target) : IConfigCommand;

/// <summary>Delete a target; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteTarget(Guid Id) : IConfigCommand;
