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
        var singleScope = plugins.Where(p => new[] { p.ServiceId, p.RouteId, p.ConsumerId, p.ConsumerGroupId }.Count(id => id is not null) == 1)
            .ToLookup(p => p.ServiceId ?? p.RouteId ?? p.ConsumerId ?? p.ConsumerGroupId);
        var routes = Sorted(state.Routes).ToLookup(r => r.ServiceId);
        var snis = Sorted(state.Snis).ToLookup(s => s.CertificateId);
        var targets = Sorted(state.Targets).ToLookup(t => t.UpstreamId);
        var credentials = Sorted(state.Credentials).ToLookup(c => c.ConsumerId);
        var groups = state.ConsumerGroupMembers.ToLookup(m => m.ConsumerId, m => state.Find<ConsumerGroup>(m.ConsumerGroupId)!);
        var nested = new HashSet<Guid>();
        JsonArray PluginsOf(Guid parentId, string field)
        {
            var list = singleScope[parentId].ToList();
            nested.UnionWith(list.Select(p => p.Id));
            return [.. list.Select(p => K(p, field))];
        }

        var doc = new JsonObject { ["_format_version"] = "3.0" };
        Add(doc, "certificates", Sorted(state.Certificates).Select(c => With(K(c), "snis",
            [.. snis[c.Id].Select(s => K(s, "certificate"))])));
        Add(doc, "ca_certificates", Sorted(state.CaCertificates).Select(c => K(c)));
        Add(doc, "services", Sorted(state.Services).Select(s => With(With(K(s), "routes",
                [.. routes[s.Id].Select(r => RouteNode(r, "service"))]), "plugins", PluginsOf(s.Id, "service"))));
        Add(doc, "routes", routes[null].Select(r => RouteNode(r)));
        Add(doc, "upstreams", Sorted(state.Upstreams).Select(u => With(K(u), "targets",
            [.. targets[u.Id].Select(t => K(t, "upstream"))])));
        Add(doc, "consumer_groups", Sorted(state.ConsumerGroups).Select(g => With(K(g), "plugins",
            PluginsOf(g.Id, "consumer_group"))));
        Add(doc, "consumers", Sorted(state.Consumers).Select(c => ConsumerNode(c)));
        Add(doc, "plugins", plugins.Where(p => !nested.Contains(p.Id)).Select(p => K(p)));
        return doc;

        JsonObject RouteNode(Route r, params string[] without) => With(K(r, without), "plugins", PluginsOf(r.Id, "route"));

        JsonObject ConsumerNode(Consumer c)
        {
            var node = K(c);
            foreach (var (key, kind) in DeclarativeLoader.CredentialKeys)
            {
                With(node, key, [.. credentials[c.Id].Where(x => x.Kind == kind).Select(x => K(x, "consumer"))]);
            }

            With(node, "groups", [.. groups[c.Id].OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => (JsonNode)new JsonObject { ["id"] = g.Id.ToString(), ["name"] = g.Name })]);
            return With(node, "plugins", PluginsOf(c.Id, "consumer"));
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
