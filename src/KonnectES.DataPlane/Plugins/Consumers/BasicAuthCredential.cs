namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// A basic-auth credential (<c>basicauth_credentials</c>). The password is either in clear or, from a Kong
/// export, Kong's hash: hex SHA-1 of the password followed by the consumer id.
/// </summary>
internal sealed record BasicAuthCredential(Guid Id, Guid ConsumerId, string Username, string Password);
