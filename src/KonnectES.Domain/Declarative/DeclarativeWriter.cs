using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>Writes a state as a decK-style nested declarative document (children under their parent).</summary>
internal static class DeclarativeWriter
{
    public static JsonObject Nested(ControlPlaneConfig state, bool includeSecrets)
    {
        JsonObject K(ConfigEntity e, params string[] without)
        {
            var node = KongEntityJson.ToKong(includeSecrets ? e : SecretMasking.Mask(e));
            foreach (var field in without)
            {
                node.Remove(field);
            }

            return node;
        }

        var plugins = Sorted(state.Plugins).ToList();
        var nested = new HashSet<Guid>();
        JsonArray PluginsOf(Func<Plugin, bool> onlyScope, string field)
        {
            var list = plugins.Where(onlyScope).ToList();
            nested.UnionWith(list.Select(p => p.Id));
            return [.. list.Select(p => K(p, field))];
        }

        var doc = new JsonObject { ["_format_version"] = "3.0" };
        Add(doc, "certificates", Sorted(state.Certificates).Select(c => With(K(c), "snis",
            [.. Sorted(state.Snis.Where(s => s.CertificateId == c.Id)).Select(s => K(s, "certificate"))])));
        Add(doc, "services", Sorted(state.Services).Select(s => With(With(K(s), "routes",
                [.. Sorted(state.Routes.Where(r => r.ServiceId == s.Id)).Select(r => RouteNode(r, "service"))]),
            "plugins", PluginsOf(p => p.ServiceId == s.Id && p.RouteId is null && p.ConsumerId is null && p.ConsumerGroupId is null, "service"))));
        Add(doc, "routes", Sorted(state.Routes.Where(r => r.ServiceId is null)).Select(r => RouteNode(r)));
        Add(doc, "upstreams", Sorted(state.Upstreams).Select(u => With(K(u), "targets",
            [.. Sorted(state.Targets.Where(t => t.UpstreamId == u.Id)).Select(t => K(t, "upstream"))])));
        Add(doc, "consumer_groups", Sorted(state.ConsumerGroups).Select(g => With(K(g), "plugins",
            PluginsOf(p => p.ConsumerGroupId == g.Id && p.ServiceId is null && p.RouteId is null && p.ConsumerId is null, "consumer_group"))));
        Add(doc, "consumers", Sorted(state.Consumers).Select(c => ConsumerNode(c)));
        Add(doc, "plugins", plugins.Where(p => !nested.Contains(p.Id)).Select(p => K(p)));
        return doc;

        JsonObject RouteNode(Route r, params string[] without) => With(K(r, without), "plugins",
            PluginsOf(p => p.RouteId == r.Id && p.ServiceId is null && p.ConsumerId is null && p.ConsumerGroupId is null, "route"));

        JsonObject ConsumerNode(Consumer c)
        {
            var node = K(c);
            foreach (var (key, kind) in DeclarativeLoader.CredentialKeys)
            {
                With(node, key, [.. Sorted(state.Credentials.Where(x => x.ConsumerId == c.Id && x.Kind == kind)).Select(x => K(x, "consumer"))]);
            }

            With(node, "groups", [.. state.ConsumerGroupMembers.Where(m => m.ConsumerId == c.Id)
                .Select(m => state.Find<ConsumerGroup>(m.ConsumerGroupId)!).OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => (JsonNode)new JsonObject { ["id"] = g.Id.ToString(), ["name"] = g.Name })]);
            return With(node, "plugins", PluginsOf(p => p.ConsumerId == c.Id && p.ServiceId is null && p.RouteId is null && p.ConsumerGroupId is null, "consumer"));
        }
    }

    internal static IEnumerable<T> Sorted<T>(IEnumerable<T> entities) where T : ConfigEntity =>
        entities.OrderBy(e => e.DisplayName ?? "", StringComparer.Ordinal).ThenBy(e => e.Id);

    private static void Add(JsonObject doc, string key, IEnumerable<JsonObject> items)
    {
        var array = new JsonArray([.. items]);
        if (array.Count > 0)
        {
            doc[key] = array;
        }
    }

    private static JsonObject With(JsonObject node, string key, JsonArray children)
    {
        if (children.Count > 0)
        {
            node[key] = children;
        }

        return node;
    }
}
