using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Sync;

/// <summary>
/// Configuration histories built through the domain's Decide/Fold like the control plane does: services enabled and
/// disabled (taking their routes and plugins out of the snapshot and back), routes and plugins created, changed and
/// deleted, consumers with key-auth credentials. A command the domain rejects is skipped.
/// </summary>
internal sealed class RandomHistory
{
    private static readonly string[] PluginNames = ["cors", "key-auth", "request-termination", "correlation-id"];
    private readonly Random _random;
    private ControlPlaneConfig _state;

    public RandomHistory(int seed)
    {
        _random = new Random(seed);
        _state = Apply(ControlPlaneConfig.Empty(Guid.NewGuid()), new CreateControlPlane(new Domain.ControlPlane { Name = "history-" + seed }))
            ?? throw new InvalidOperationException("The control plane cannot be created.");
        States.Add(_state);
    }

    /// <summary>Every version, the first being the empty control plane.</summary>
    public List<ControlPlaneConfig> States { get; } = [];

    public static RandomHistory Generate(int seed, int steps)
    {
        var history = new RandomHistory(seed);
        while (history.States.Count <= steps)
        {
            history.Step();
        }

        return history;
    }

    public void Step()
    {
        var services = _state.Services.ToList();
        var routes = _state.Routes.ToList();
        var plugins = _state.Entities.OfType<Plugin>().ToList();
        var consumers = _state.Consumers.ToList();
        IConfigCommand command = _random.Next(12) switch
        {
            0 or 1 => new CreateService(new Service { Id = Guid.NewGuid(), Name = "svc-" + _random.Next(1_000_000), Host = "h" + _random.Next(100) + ".internal", Enabled = _random.Next(5) > 0 }),
            2 when services.Count > 0 => new UpdateService(Pick(services) with { Enabled = _random.Next(2) == 0 }),
            3 when services.Count > 0 => new UpdateService(Pick(services) with { Port = 1000 + _random.Next(5000) }),
            4 or 5 when services.Count > 0 => new CreateRoute(new Route { Id = Guid.NewGuid(), Name = "r-" + _random.Next(1_000_000), Paths = ["/p" + _random.Next(1000)], ServiceId = Pick(services).Id }),
            6 when routes.Count > 0 => new UpdateRoute(Pick(routes) with { Paths = ["/q" + _random.Next(1000)] }),
            7 when routes.Count > 0 => new DeleteRoute(Pick(routes).Id),
            8 => NewPlugin(services, routes),
            9 when plugins.Count > 0 => new UpdatePlugin(Pick(plugins) with { Enabled = _random.Next(2) == 0 }),
            10 when consumers.Count > 0 => new CreateCredential(new Credential { Id = Guid.NewGuid(), Kind = CredentialKind.KeyAuth, ConsumerId = Pick(consumers).Id, Key = "k" + _random.Next() }),
            10 or 11 => new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = "c" + _random.Next(1_000_000) }),
            _ when services.Count > 3 => new DeleteService(Pick(services).Id),
            _ => new CreateService(new Service { Id = Guid.NewGuid(), Name = "svc-" + _random.Next(1_000_000), Host = "h.internal" }),
        };
        if (Apply(_state, command) is { } next && next.Version != _state.Version)
        {
            _state = next;
            States.Add(next);
        }
    }

    /// <summary>
    /// The delta from <paramref name="from"/> to <paramref name="to"/> in the protocol's JSON: every entity of the later
    /// snapshot that is new or changed as an upsert, every id it no longer ships as a delete.
    /// </summary>
    public static byte[] DeltaJson(ControlPlaneConfig from, ControlPlaneConfig to)
    {
        var before = Entities(SnapshotDocument.Create(from).ToJsonString());
        var afterText = SnapshotDocument.Create(to).ToJsonString();
        var after = Entities(afterText);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_konnectes");
            writer.WriteNumber("from_version", from.Version);
            writer.WriteNumber("version", to.Version);
            writer.WriteString("config_hash", to.Hash.ToString());
            writer.WriteString("snapshot_hash", SnapshotContentHash.OfDocument(JsonDocument.Parse(afterText).RootElement).ToString());
            writer.WriteEndObject();
            writer.WriteStartObject("upserts");
            foreach (var group in after.Values.Where(a => !before.TryGetValue(a.Id, out var b) || b.Hash != a.Hash || b.Section != a.Section).GroupBy(a => a.Section))
            {
                writer.WriteStartArray(group.Key);
                foreach (var entity in group)
                {
                    entity.Entity.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("deletes");
            foreach (var group in before.Values.Where(b => !after.ContainsKey(b.Id)).GroupBy(b => b.Section))
            {
                writer.WriteStartArray(group.Key);
                foreach (var entity in group)
                {
                    writer.WriteStringValue(entity.Id);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The snapshot document of a state, as the control plane ships it (with its snapshot hash).</summary>
    public static JsonElement Document(ControlPlaneConfig state)
    {
        var document = SnapshotDocument.Create(state);
        var hash = SnapshotContentHash.OfDocument(JsonDocument.Parse(document.ToJsonString()).RootElement);
        document["_konnectes"]!["snapshot_hash"] = hash.ToString();
        return JsonSerializer.Deserialize<JsonElement>(document.ToJsonString());
    }

    private static Dictionary<string, (string Id, string Section, ConfigHash Hash, JsonElement Entity)> Entities(string documentJson)
    {
        var root = JsonSerializer.Deserialize<JsonElement>(documentJson);
        var entities = new Dictionary<string, (string, string, ConfigHash, JsonElement)>(StringComparer.Ordinal);
        foreach (var section in SnapshotDocument.Sections)
        {
            foreach (var entity in root.GetProperty(section).EnumerateArray())
            {
                var id = entity.GetProperty("id").GetString()!;
                entities[id] = (id, section, SnapshotContentHash.OfEntity(section, entity), entity);
            }
        }

        return entities;
    }

    private IConfigCommand NewPlugin(List<Service> services, List<Route> routes)
    {
        var plugin = new Plugin { Id = Guid.NewGuid(), Name = Pick(PluginNames), Enabled = _random.Next(4) > 0 };
        return _random.Next(3) switch
        {
            0 when services.Count > 0 => new CreatePlugin(plugin with { ServiceId = Pick(services).Id }),
            1 when routes.Count > 0 => new CreatePlugin(plugin with { RouteId = Pick(routes).Id }),
            _ => new CreatePlugin(plugin),
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static ControlPlaneConfig? Apply(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        return result.IsSuccess ? ControlPlaneConfig.Fold(state, result.Value) : null;
    }
}
