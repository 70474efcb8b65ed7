namespace KonnectES.Domain;

/// <summary>Create an upstream (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateUpstream(Upstream Upstream) : IConfigCommand;

/// <summary>Replace an upstream as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateUpstream(Upstream Upstream) : IConfigCommand;

/// <summary>Delete an upstream; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteUpstream(Guid Id) : IConfigCommand;
