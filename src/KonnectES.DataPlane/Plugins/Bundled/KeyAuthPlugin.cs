using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// key-auth (priority 1250): a key from a header, the query string or the body (per key name, in that order)
/// identifies a consumer through <c>keyauth_credentials</c> (kong/plugins/key-auth/handler.lua).
/// </summary>
internal sealed class KeyAuthPlugin : KongPlugin
{
    private readonly ImmutableArray<string> _keyNames;
    private readonly bool _inHeader;
    private readonly bool _inQuery;
    private readonly bool _inBody;
    private readonly bool _hideCredentials;
    private readonly bool _runOnPreflight;
    private readonly string? _anonymous;
    private readonly string _challenge;

    public KeyAuthPlugin(PluginConfig config)
    {
        _keyNames = config.Strings("key_names", "apikey");
        _inHeader = config.Bool("key_in_header", true);
        _inQuery = config.Bool("key_in_query", true);
        _inBody = config.Bool("key_in_body", false);
        _hideCredentials = config.Bool("hide_credentials", false);
        _runOnPreflight = config.Bool("run_on_preflight", true);
        _anonymous = config.String("anonymous");
        _challenge = config.String("realm") is { } realm ? $"Key realm=\"{realm}\"" : "Key";
    }

    public override string Name => "key-auth";

    public override int Priority => 1250;

    public override async ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        if (!_runOnPreflight && HttpMethods.IsOptions(context.Http.Request.Method))
        {
            return;
        }

        if (_anonymous is not null && context.Credential is not null)
        {
            return; // Logical OR: another auth plugin already authenticated the request.
        }

        var failure = await AuthenticateAsync(context, cancellationToken);
        if (failure is null)
        {
            return;
        }

        if (_anonymous is not null)
        {
            context.AuthenticateAnonymous(_anonymous);
        }
        else
        {
            context.Error(401, failure, new KeyValuePair<string, string>("WWW-Authenticate", _challenge));
        }
    }

    private async ValueTask<string?> AuthenticateAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        JsonObject? body = null;
        string? key = null;
        foreach (var name in _keyNames)
        {
            var values = _inHeader ? request.Headers[name] : default;
            if (values.Count == 0 && _inQuery)
            {
                values = request.Query[name];
            }

            if (values.Count == 0 && _inBody)
            {
                body ??= await RequestBodies.ReadFormOrJsonAsync(context, cancellationToken) ?? [];
                values = body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : default;
            }

            if (values.Count > 1)
            {
                return "Duplicate API key found";
            }

            if (values.Count == 1)
            {
                key = values[0];
                if (_hideCredentials)
                {
                    await HideAsync(context, name, body, cancellationToken);
                }

                break;
            }
        }

        if (string.IsNullOrEmpty(key))
        {
            return "No API key found in request";
        }

        if (!context.Consumers.KeyAuth.TryGetValue(key, out var credential) || context.Consumers.Find(credential.ConsumerId) is not { } consumer)
        {
            return "Invalid authentication credentials";
        }

        context.Authenticate(consumer, new KongCredential(credential.Id, consumer.Id, Name, credential.Id.ToString()));
        return null;
    }

    private async ValueTask HideAsync(PluginContext context, string name, JsonObject? body, CancellationToken cancellationToken)
    {
        context.Http.Request.Headers.Remove(name);
        context.SetQueryArguments(context.QueryArguments().Where(a => a.Key != name));
        if (_inBody)
        {
            body ??= await RequestBodies.ReadFormOrJsonAsync(context, cancellationToken);
            if (body is not null && body.Remove(name))
            {
                RequestBodies.Write(context, body);
            }
        }
    }
}
