namespace KonnectES.Domain;

/// <summary>Create a CA certificate (the caller assigns <see cref="ConfigEntity.Id"/>).</summary>
public sealed record CreateCaCertificate(CaCertificate CaCertificate) : IConfigCommand;

/// <summary>Replace a CA certificate.</summary>
public sealed record UpdateCaCertificate(CaCertificate CaCertificate) : IConfigCommand;

/// <summary>Delete a CA certificate; refused while services reference it.</summary>
public sealed record DeleteCaCertificate(Guid Id) : IConfigCommand;
