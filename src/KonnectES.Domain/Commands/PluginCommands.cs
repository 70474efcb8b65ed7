namespace KonnectES.Domain;

/// <summary>Create a plugin (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreatePlugin(Plugin Plugin) : IConfigCommand;

/// <summary>Replace a plugin as a whole (Kong's PUT semantics).</summary>
public sealed record UpdatePlugin(Plugin Plugin) : IConfigCommand;

/// <summary>Delete a plugin; Kong's cascade and restrict rules apply.</summary>
public sealed record DeletePlugin(Guid Id) : IConfigCommand;
