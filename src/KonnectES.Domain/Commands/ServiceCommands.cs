namespace KonnectES.Domain;

/// <summary>Create a service (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateService(Service Service) : IConfigCommand;

/// <summary>Replace a service as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateService(Service Service) : IConfigCommand;

/// <summary>Delete a service; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteService(Guid Id) : IConfigCommand;
