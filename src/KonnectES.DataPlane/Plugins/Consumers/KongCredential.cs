namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// The credential a request authenticated with. <see cref="Identifier"/> is what Kong sends upstream as
/// <c>X-Credential-Identifier</c>: the credential id (key-auth, jwt) or the username (basic-auth).
/// </summary>
internal sealed record KongCredential(Guid Id, Guid ConsumerId, string Kind, string Identifier);
