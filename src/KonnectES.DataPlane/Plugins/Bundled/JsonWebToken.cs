using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.DataPlane.Plugins;

/// <summary>A compact JWS as Kong's jwt_parser reads it: header, claims, signing input and signature.</summary>
internal sealed class JsonWebToken
{
    private static readonly string[] Algorithms =
        ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    private JsonWebToken(JsonObject header, JsonObject claims, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Claims = claims;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonObject Header { get; }

    public JsonObject Claims { get; }

    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    public string Algorithm => RequestBodies.Text(Header["alg"]);

    public static bool TryParse(string token, [NotNullWhen(true)] out JsonWebToken? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            error = "invalid JWT";
            return false;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url(parts[0])) as JsonObject;
            var claims = JsonNode.Parse(Base64Url(parts[1])) as JsonObject;
            if (header is null || claims is null)
            {
                error = "invalid JSON";
                return false;
            }

            if (header["typ"] is JsonValue typ && !string.Equals(RequestBodies.Text(typ), "JWT", StringComparison.OrdinalIgnoreCase))
            {
                error = "invalid typ";
                return false;
            }

            if (header["alg"] is not JsonValue alg || alg.GetValueKind() != JsonValueKind.String || !Algorithms.Contains(alg.GetValue<string>()))
            {
                error = "invalid alg";
                return false;
            }

            result = new JsonWebToken(header, claims, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            error = "invalid JSON";
            return false;
        }
    }

    /// <summary>Checks the signature with an HMAC secret (HS*) or a PEM public key (RS*, PS*, ES*).</summary>
    public bool VerifySignature(byte[] key)
    {
        var alg = Algorithm;
        var hash = alg[2..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        try
        {
            switch (alg[..2])
            {
                case "HS":
                    var mac = hash == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(key, SigningInput)
                        : hash == HashAlgorithmName.SHA384 ? HMACSHA384.HashData(key, SigningInput)
                        : HMACSHA512.HashData(key, SigningInput);
                    return CryptographicOperations.FixedTimeEquals(mac, Signature);
                case "RS" or "PS":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportFromPem(Encoding.UTF8.GetString(key));
                        return rsa.VerifyData(SigningInput, Signature, hash, alg[0] == 'R' ? RSASignaturePadding.Pkcs1 : RSASignaturePadding.Pss);
                    }

                default:
                    using (var ecdsa = ECDsa.Create())
                    {
                        ecdsa.ImportFromPem(Encoding.UTF8.GetString(key));
                        return ecdsa.VerifyData(SigningInput, Signature, hash);
                    }
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static byte[] Base64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
