namespace KonnectES.Domain;

/// <summary>Create an SNI (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateSni(Sni Sni) : IConfigCommand;

/// <summary>Replace an SNI as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateSni(Sni Sni) : IConfigCommand;

/// <summary>Delete an SNI; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteSni(Guid Id) : IConfigCommand;
