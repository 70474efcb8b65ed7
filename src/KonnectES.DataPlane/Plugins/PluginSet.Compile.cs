using System.Collections.Immutable;
using System.Text.Json;
using KonnectES.DataPlane.Routing;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Plugins;

internal sealed partial class PluginSet
{
    /// <summary>Compiles the <c>plugins</c>, consumer and credential sections of <paramref name="snapshot"/>. Never throws on content.</summary>
    public static PluginSet Compile(SnapshotSections snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var errors = new List<PluginCompileError>();
        var consumers = CompileConsumers(snapshot, errors);
        var instances = new List<PluginInstance>();
        foreach (var plugin in snapshot["plugins"])
        {
            if (CompilePlugin(plugin, errors) is { } instance)
            {
                instances.Add(instance);
            }
        }

        var chains = instances
            .GroupBy(i => i.Name, StringComparer.Ordinal)
            .Select(g => Chain(g.Key, g.ToList(), errors))
            .OrderByDescending(c => c.Priority)
            .ThenByDescending(c => c.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        return new PluginSet(chains, consumers, [.. errors]);
    }

    private static PluginInstance? CompilePlugin(JsonElement plugin, List<PluginCompileError> errors)
    {
        var id = Id(plugin, "id");
        var name = Text(plugin, "name") ?? "";
        try
        {
            if (!PluginCatalog.IsFullySupported(name))
            {
                errors.Add(new PluginCompileError(id, name, PluginCatalog.IsKnown(name)
                    ? $"plugin '{name}' is not supported by this data plane"
                    : $"plugin '{name}' not enabled; add it to the 'plugins' configuration property"));
                return null;
            }

            var scope = new PluginScope(Id(plugin, "route"), Id(plugin, "service"), Id(plugin, "consumer"), Id(plugin, "consumer_group"));
            var allowed = PluginCatalog.ScopesOf(name);
            foreach (var (field, value) in new[] { ("route", scope.RouteId), ("service", scope.ServiceId), ("consumer", scope.ConsumerId), ("consumer_group", scope.ConsumerGroupId) })
            {
                if (value is not null && !allowed.Contains(field))
                {
                    errors.Add(new PluginCompileError(id, name, $"value must be null: plugin '{name}' cannot be scoped to a {field.Replace('_', ' ')}"));
                    return null;
                }
            }

            if (scope.IsContradictory)
            {
                errors.Add(new PluginCompileError(id, name, "a plugin cannot be scoped to both a consumer and a consumer group"));
                return null;
            }

            var config = new PluginConfig(plugin.TryGetProperty("config", out var c) ? c : PluginConfig.Empty.Element);
            var handler = BundledPlugins.Create(name, config, scope);
            var protocols = plugin.TryGetProperty("protocols", out var p) && p.ValueKind == JsonValueKind.Array
                ? [.. p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
                : ImmutableArray<string>.Empty;
            return new PluginInstance(id ?? Guid.Empty, name, Text(plugin, "instance_name"), scope, protocols, handler);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a config holds, a bad snapshot is rejected (NACK), never a crash.
            errors.Add(new PluginCompileError(id, name, ex.Message));
            return null;
        }
    }

    private static ConsumerIndex CompileConsumers(SnapshotSections snapshot, List<PluginCompileError> errors)
    {
        var consumers = snapshot["consumers"]
            .Select(c => Id(c, "id") is { } id ? new KongConsumer(id, Text(c, "username"), Text(c, "custom_id")) : null)
            .OfType<KongConsumer>();
        var groups = snapshot["consumer_groups"]
            .Select(g => Id(g, "id") is { } id ? new KongConsumerGroup(id, Text(g, "name") ?? id.ToString()) : null)
            .OfType<KongConsumerGroup>();
        var memberships = snapshot["consumer_group_consumers"]
            .Select(m => (Group: Id(m, "consumer_group"), Consumer: Id(m, "consumer")))
            .Where(m => m.Group is not null && m.Consumer is not null)
            .Select(m => (m.Group!.Value, m.Consumer!.Value));
        var keys = Credentials(snapshot, "keyauth_credentials", (id, consumer, e) =>
            Text(e, "key") is { } key ? new KeyAuthCredential(id, consumer, key) : null);
        var basic = Credentials(snapshot, "basicauth_credentials", (id, consumer, e) =>
            Text(e, "username") is { } user ? new BasicAuthCredential(id, consumer, user, Text(e, "password") ?? "") : null);
        var jwt = Credentials(snapshot, "jwt_secrets", (id, consumer, e) =>
            Text(e, "key") is { } key ? new JwtCredential(id, consumer, key, Text(e, "secret"), Text(e, "algorithm") ?? "HS256", Text(e, "rsa_public_key")) : null);
        var acls = Credentials(snapshot, "acls", (_, consumer, e) =>
            Text(e, "group") is { } group ? new Tuple<Guid, string>(consumer, group) : null);
        try
        {
            return new ConsumerIndex(consumers, groups, memberships, keys, basic, jwt, acls.Select(a => (a.Item1, a.Item2)));
        }
        catch (ArgumentException ex)
        {
            errors.Add(new PluginCompileError(null, "", "consumers: " + ex.Message));
            return ConsumerIndex.Empty;
        }
    }

    private static IEnumerable<T> Credentials<T>(SnapshotSections snapshot, string section, Func<Guid, Guid, JsonElement, T?> create) where T : class =>
        snapshot[section]
            .Select(e => Id(e, "id") is { } id && Id(e, "consumer") is { } consumer ? create(id, consumer, e) : null)
            .OfType<T>();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An id, or a foreign key given either as an id string or as Kong's <c>{"id": "..."}</c> object.</summary>
    private static Guid? Id(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("id", out var inner))
        {
            v = inner;
        }

        return v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id) ? id : null;
    }
}
