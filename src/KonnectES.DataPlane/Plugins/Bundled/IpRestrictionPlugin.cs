using System.Collections.Immutable;
using System.Net;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// ip-restriction (priority 990): the client address against <c>deny</c> first, then <c>allow</c>; a blocked
/// client gets <c>status</c> (403) and <c>message</c> (default <c>IP address not allowed: &lt;ip&gt;</c>).
/// </summary>
internal sealed class IpRestrictionPlugin : KongPlugin
{
    private readonly ImmutableArray<IPNetwork> _allow;
    private readonly ImmutableArray<IPNetwork> _deny;
    private readonly int _status;
    private readonly string? _message;

    public IpRestrictionPlugin(PluginConfig config)
    {
        _allow = Networks(config, "allow");
        _deny = Networks(config, "deny");
        _status = (int)config.Integer("status", 403);
        _message = config.String("message");
        if (_allow.IsEmpty && _deny.IsEmpty)
        {
            throw config.Error("allow", "at least one of these fields must be non-empty: 'config.allow', 'config.deny'");
        }
    }

    public override string Name => "ip-restriction";

    public override int Priority => 990;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var ip = context.ClientIp;
        var blocked = _deny.Any(n => n.Contains(ip)) || (!_allow.IsEmpty && !_allow.Any(n => n.Contains(ip)));
        if (blocked)
        {
            context.Error(_status, _message ?? "IP address not allowed: " + ip);
        }

        return ValueTask.CompletedTask;
    }

    private static ImmutableArray<IPNetwork> Networks(PluginConfig config, string field) =>
    [
        .. config.Strings(field).Select(value =>
            IPNetwork.TryParse(value, out var network) ? network
            : IPAddress.TryParse(value, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw config.Error(field, $"invalid ip or cidr range: '{value}'")),
    ];
}
