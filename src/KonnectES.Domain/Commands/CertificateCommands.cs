namespace KonnectES.Domain;

/// <summary>Create a certificate (the caller assigns <see cref="ConfigEntity.Id"/>); Kong's defaults are the record's initial values.</summary>
public sealed record CreateCertificate(Certificate Certificate) : IConfigCommand;

/// <summary>Replace a certificate as a whole (Kong's PUT semantics).</summary>
public sealed record UpdateCertificate(Certificate Certificate) : IConfigCommand;

/// <summary>Delete a certificate; Kong's cascade and restrict rules apply.</summary>
public sealed record DeleteCertificate(Guid Id) : IConfigCommand;
