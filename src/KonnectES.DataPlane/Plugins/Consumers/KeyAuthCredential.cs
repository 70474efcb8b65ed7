namespace KonnectES.DataPlane.Plugins;

/// <summary>A key-auth credential (<c>keyauth_credentials</c>).</summary>
internal sealed record KeyAuthCredential(Guid Id, Guid ConsumerId, string Key);
