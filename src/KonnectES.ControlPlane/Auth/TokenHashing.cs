using System.Security.Cryptography;
using System.Text;

namespace KonnectES.ControlPlane.Auth;

/// <summary>Random bearer tokens, and the SHA-256 digest that is the only thing stored.</summary>
internal static class TokenHashing
{
    /// <summary>A new token: a prefix and 32 random bytes, base64url.</summary>
    public static string NewToken(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The hex SHA-256 of the token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
