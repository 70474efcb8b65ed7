using System.Collections.Immutable;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// acl (priority 950): lets the authenticated consumer through when one of its groups (<c>acls</c> credentials,
/// plus its consumer groups with <c>include_consumer_groups</c>) is allowed, or none is denied
/// (kong/plugins/acl/handler.lua). Sends <c>X-Consumer-Groups</c> upstream unless <c>hide_groups_header</c>.
/// </summary>
internal sealed class AclPlugin : KongPlugin
{
    private readonly ImmutableHashSet<string> _allow;
    private readonly ImmutableHashSet<string> _deny;
    private readonly bool _hideGroupsHeader;
    private readonly bool _includeConsumerGroups;

    public AclPlugin(PluginConfig config)
    {
        _allow = [.. config.Strings("allow")];
        _deny = [.. config.Strings("deny")];
        _hideGroupsHeader = config.Bool("hide_groups_header", false);
        _includeConsumerGroups = config.Bool("include_consumer_groups", false);
        if (_allow.IsEmpty == _deny.IsEmpty)
        {
            throw config.Error("allow", "exactly one of these fields must be non-empty: 'config.allow', 'config.deny'");
        }
    }

    public override string Name => "acl";

    public override int Priority => 950;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        if (context.Consumer is not { } consumer)
        {
            context.Error(401, "Unauthorized");
            return ValueTask.CompletedTask;
        }

        var groups = context.Consumers.AclGroupsOf(consumer.Id);
        if (_includeConsumerGroups)
        {
            groups = [.. groups.Concat(context.ConsumerGroups.Select(g => g.Name)).Distinct()];
        }

        var blocked = _allow.IsEmpty ? groups.Any(_deny.Contains) : !groups.Any(_allow.Contains);
        if (blocked)
        {
            context.Error(403, "You cannot consume this service");
        }
        else if (!_hideGroupsHeader && groups.Length > 0)
        {
            context.Http.Request.Headers["X-Consumer-Groups"] = string.Join(", ", groups);
        }

        return ValueTask.CompletedTask;
    }
}
