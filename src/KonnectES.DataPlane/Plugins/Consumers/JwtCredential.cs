namespace KonnectES.DataPlane.Plugins;

/// <summary>A jwt credential (<c>jwt_secrets</c>): looked up by <see cref="Key"/>, the value of the token's key claim.</summary>
internal sealed record JwtCredential(Guid Id, Guid ConsumerId, string Key, string? Secret, string Algorithm, string? RsaPublicKey);
