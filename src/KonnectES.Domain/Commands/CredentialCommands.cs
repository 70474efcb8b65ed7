namespace KonnectES.Domain;

/// <summary>Create a credential (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateCredential(Credential Credential) : IConfigCommand;

/// <summary>Replace a credential as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateCredential(Credential Credential) : IConfigCommand;

/// <summary>Delete a credential; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteCredential(Guid Id) : IConfigCommand;
