namespace KonnectES.Domain;

/// <summary>Create a route (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateRoute(Route Route) : IConfigCommand;

/// <summary>Replace a route as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateRoute(Route Route) : IConfigCommand;

/// <summary>Delete a route; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteRoute(Guid Id) : IConfigCommand;
