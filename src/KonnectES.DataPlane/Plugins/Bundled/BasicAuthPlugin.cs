using System.Security.Cryptography;
using System.Text;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// basic-auth (priority 1100): <c>Proxy-Authorization</c>, then <c>Authorization</c>, carrying
/// <c>Basic base64(username:password)</c> checked against <c>basicauth_credentials</c>
/// (kong/plugins/basic-auth/access.lua). Every failure is 401 with <c>WWW-Authenticate: Basic realm="..."</c>.
/// </summary>
internal sealed class BasicAuthPlugin(PluginConfig config) : KongPlugin
{
    private readonly string? _anonymous = config.String("anonymous");
    private readonly bool _hideCredentials = config.Bool("hide_credentials", false);
    private readonly string _challenge = $"Basic realm=\"{config.String("realm", "service")}\"";

    public override string Name => "basic-auth";

    public override int Priority => 1100;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        if (_anonymous is not null && context.Credential is not null)
        {
            return ValueTask.CompletedTask;
        }

        if (!Authenticate(context))
        {
            if (_anonymous is not null)
            {
                context.AuthenticateAnonymous(_anonymous);
            }
            else
            {
                context.Error(401, "Unauthorized", new KeyValuePair<string, string>("WWW-Authenticate", _challenge));
            }
        }

        return ValueTask.CompletedTask;
    }

    private bool Authenticate(PluginContext context)
    {
        foreach (var header in new[] { "Proxy-Authorization", "Authorization" })
        {
            var given = Parse(context.Http.Request.Headers[header].ToString());
            if (_hideCredentials)
            {
                context.Http.Request.Headers.Remove(header);
            }

            if (given is var (username, password)
                && context.Consumers.BasicAuth.TryGetValue(username, out var credential)
                && Matches(credential, password)
                && context.Consumers.Find(credential.ConsumerId) is { } consumer)
            {
                context.Authenticate(consumer, new KongCredential(credential.Id, consumer.Id, Name, credential.Username));
                return true;
            }
        }

        return false;
    }

    private static (string Username, string Password)? Parse(string header)
    {
        var value = header.Trim();
        if (!value.StartsWith("basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[5..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon > 0 ? (decoded[..colon], decoded[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Clear passwords compare directly; a Kong export's hash is hex SHA-1 of password + consumer id.</summary>
    private static bool Matches(BasicAuthCredential credential, string given)
    {
        var clear = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential.Password), Encoding.UTF8.GetBytes(given));
        if (clear)
        {
            return true;
        }

        var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(given + credential.ConsumerId)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(credential.Password));
    }
}
