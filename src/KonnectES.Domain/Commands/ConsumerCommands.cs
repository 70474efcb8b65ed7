namespace KonnectES.Domain;

/// <summary>Create a consumer (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateConsumer(Consumer Consumer) : IConfigCommand;

/// <summary>Replace a consumer as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateConsumer(Consumer Consumer) : IConfigCommand;

/// <summary>Delete a consumer; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteConsumer(Guid Id) : IConfigCommand;
