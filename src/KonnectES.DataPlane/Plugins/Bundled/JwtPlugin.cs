using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// jwt (priority 1450): a token from the query (<c>uri_param_names</c>), cookies (<c>cookie_names</c>) or a
/// <c>Bearer</c> header (<c>header_names</c>); its key claim (<c>iss</c>) finds a <c>jwt_secrets</c> credential
/// whose algorithm and secret or public key verify the signature; then <c>claims_to_verify</c> (exp, nbf)
/// (kong/plugins/jwt/handler.lua, jwt_parser.lua).
/// </summary>
internal sealed class JwtPlugin : KongPlugin
{
    private readonly ImmutableArray<string> _uriParams;
    private readonly ImmutableArray<string> _cookies;
    private readonly ImmutableArray<string> _headers;
    private readonly string _keyClaim;
    private readonly bool _secretIsBase64;
    private readonly ImmutableArray<string> _claimsToVerify;
    private readonly double _maximumExpiration;
    private readonly string? _anonymous;
    private readonly bool _runOnPreflight;
    private readonly string _challenge;

    public JwtPlugin(PluginConfig config)
    {
        _uriParams = config.Strings("uri_param_names", "jwt");
        _cookies = config.Strings("cookie_names");
        _headers = config.Strings("header_names", "authorization");
        _keyClaim = config.String("key_claim_name", "iss");
        _secretIsBase64 = config.Bool("secret_is_base64", false);
        _claimsToVerify = config.Strings("claims_to_verify");
        _maximumExpiration = config.Number("maximum_expiration") ?? 0;
        _anonymous = config.String("anonymous");
        _runOnPreflight = config.Bool("run_on_preflight", true);
        _challenge = config.String("realm") is { } realm ? $"Bearer realm=\"{realm}\"" : "Bearer";
        if (_maximumExpiration > 0 && !_claimsToVerify.Contains("exp"))
        {
            throw config.Error("claims_to_verify", "expected 'exp' in 'claims_to_verify' when 'maximum_expiration' is set");
        }
    }

    public override string Name => "jwt";

    public override int Priority => 1450;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        if (!_runOnPreflight && HttpMethods.IsOptions(context.Http.Request.Method))
        {
            return ValueTask.CompletedTask;
        }

        if (_anonymous is not null && context.Credential is not null)
        {
            return ValueTask.CompletedTask;
        }

        if (Authenticate(context) is { } failure)
        {
            if (_anonymous is not null)
            {
                context.AuthenticateAnonymous(_anonymous);
            }
            else
            {
                var challenge = new KeyValuePair<string, string>("WWW-Authenticate", failure.Plain ? _challenge : _challenge + " error=\"invalid_token\"");
                if (failure.Claims is { } claims)
                {
                    context.Respond(new PluginExit(401, Encoding.UTF8.GetBytes(claims.ToJsonString()), "application/json; charset=utf-8", [challenge]));
                }
                else
                {
                    context.Error(401, failure.Message, challenge);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private Failure? Authenticate(PluginContext context)
    {
        var tokens = FindTokens(context.Http.Request);
        if (tokens.Count == 0)
        {
            return new Failure("Unauthorized", null, Plain: true);
        }

        if (tokens.Count > 1)
        {
            return new Failure("Multiple tokens provided");
        }

        if (!JsonWebToken.TryParse(tokens.First(), out var token, out var error))
        {
            return new Failure("Bad token; " + error);
        }

        var keyValue = token.Claims[_keyClaim] ?? token.Header[_keyClaim];
        if (keyValue is null)
        {
            return new Failure($"No mandatory '{_keyClaim}' in claims");
        }

        var key = RequestBodies.Text(keyValue);
        if (key.Length == 0)
        {
            return new Failure($"Invalid '{_keyClaim}' in claims");
        }

        if (!context.Consumers.Jwt.TryGetValue(key, out var credential))
        {
            return new Failure($"No credentials found for given '{_keyClaim}'");
        }

        if (token.Algorithm != credential.Algorithm)
        {
            return new Failure("Invalid algorithm");
        }

        var secret = credential.Algorithm.StartsWith("HS", StringComparison.Ordinal) ? credential.Secret : credential.RsaPublicKey;
        byte[]? keyBytes = null;
        if (secret is not null)
        {
            keyBytes = !_secretIsBase64 ? Encoding.UTF8.GetBytes(secret) : TryBase64(secret);
        }

        if (keyBytes is null)
        {
            return new Failure("Invalid key/secret");
        }

        if (!token.VerifySignature(keyBytes))
        {
            return new Failure("Invalid signature");
        }

        var now = context.Now.ToUnixTimeMilliseconds() / 1000.0;
        if (ClaimErrors(token.Claims, now) is { Count: > 0 } errors)
        {
            return new Failure("", errors);
        }

        if (context.Consumers.Find(credential.ConsumerId) is not { } consumer)
        {
            return new Failure($"Could not find consumer for '{_keyClaim}={key}'");
        }

        context.Authenticate(consumer, new KongCredential(credential.Id, consumer.Id, Name, credential.Id.ToString()));
        return null;
    }

    private JsonObject ClaimErrors(JsonObject claims, double now)
    {
        var errors = new JsonObject();
        foreach (var claim in _claimsToVerify)
        {
            if (claims[claim] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            {
                errors[claim] = "must be a number";
            }
            else if (claim == "exp" && value.GetValue<double>() <= now)
            {
                errors[claim] = "token expired";
            }
            else if (claim == "nbf" && value.GetValue<double>() > now)
            {
                errors[claim] = "token not valid yet";
            }
        }

        if (errors.Count == 0 && _maximumExpiration > 0 && claims["exp"] is JsonValue exp && exp.GetValue<double>() - now > _maximumExpiration)
        {
            errors["exp"] = "exceeds maximum allowed expiration";
        }

        return errors;
    }

    private HashSet<string> FindTokens(HttpRequest request)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _uriParams)
        {
            foreach (var value in request.Query[name])
            {
                if (!string.IsNullOrEmpty(value))
                {
                    tokens.Add(value);
                }
            }
        }

        foreach (var name in _cookies)
        {
            if (request.Cookies[name] is { Length: > 0 } cookie)
            {
                tokens.Add(cookie);
            }
        }

        foreach (var name in _headers)
        {
            var header = request.Headers[name].FirstOrDefault()?.Trim();
            if (header is { Length: > 7 } && header.StartsWith("bearer", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(header[6]))
            {
                tokens.Add(header[7..].Trim());
            }
        }

        return tokens;
    }

    private static byte[]? TryBase64(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Failure(string Message, JsonObject? Claims = null, bool Plain = false);
}
