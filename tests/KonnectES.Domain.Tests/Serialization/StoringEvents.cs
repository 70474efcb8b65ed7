using System.Text.Json;

namespace KonnectES.Domain.Tests.Serialization;

public sealed class StoringEvents
{
    [Fact]
    public void Every_event_type_has_a_unique_snake_case_name()
    {
        var names = EventTypes.All.Select(p => p.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        Assert.Contains(("service_created", typeof(ServiceCreated)), EventTypes.All);
        Assert.Contains(("config_rolled_back", typeof(ConfigRolledBack)), EventTypes.All);
        Assert.Contains(("consumer_added_to_group", typeof(ConsumerAddedToGroup)), EventTypes.All);
    }

    [Fact]
    public void Every_public_event_type_of_the_domain_is_registered()
    {
        var eventTypes = typeof(IConfigEvent).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IConfigEvent).IsAssignableFrom(t));

        Assert.Equal(eventTypes.OrderBy(t => t.Name), EventTypes.All.Select(p => p.Type).OrderBy(t => t.Name));
    }

    [Fact]
    public void Events_survive_a_serialization_round_trip()
    {
        var imported = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("deck-dump-entities-with-tags.yaml"), ConfigFormat.Yaml, ImportMode.Merge));
        var history = new List<IConfigEvent>
        {
            new ControlPlaneCreated(new ControlPlane { Id = Given.ControlPlaneId, Name = "default" }),
            new ServiceCreated(Given.Service()),
            new PluginCreated(Given.Plugin("cors")),
        };
        history.AddRange(ControlPlaneConfig.Decide(Given.EmptyControlPlane(),
            new ImportConfig(SharedFixtures.Read("deck-dump-entities-with-tags.yaml"), ConfigFormat.Yaml, ImportMode.Merge)).Value);

        var restored = history.Select(e => EventTypes.Deserialize(EventTypes.NameOf(e), EventTypes.Serialize(e))).ToList();

        Assert.Equal(ControlPlaneConfig.Fold(Given.ControlPlaneId, history).Hash, ControlPlaneConfig.Fold(Given.ControlPlaneId, restored).Hash);
        Assert.Equal(history.Select(EventTypes.Serialize), restored.Select(EventTypes.Serialize));
        Assert.NotEqual(ConfigHash.Empty, imported.Hash);
    }

    [Fact]
    public void Event_bodies_survive_a_store_that_reorders_keys_like_postgresql_jsonb()
    {
        var imported = ControlPlaneConfig.Decide(Given.EmptyControlPlane(),
            new ImportConfig(SharedFixtures.Read("kic-plugin-instance-name.yaml"), ConfigFormat.Yaml, ImportMode.Merge)).Value.Single();
        var json = EventTypes.Serialize(imported);

        var reordered = JsonLikeJsonb(System.Text.Json.Nodes.JsonNode.Parse(json))!.ToJsonString();
        var restored = EventTypes.Deserialize(EventTypes.NameOf(imported), reordered);

        var restoredChanges = Assert.IsType<ConfigImported>(restored).Changes;
        Assert.NotEqual(json, reordered);
        Assert.Equal(((ConfigImported)imported).Changes.Select(c => EntityHash.Of(c.After!)), restoredChanges.Select(c => EntityHash.Of(c.After!)));
        Assert.Equal(ControlPlaneConfig.Evolve(Given.EmptyControlPlane(), imported).Hash, ControlPlaneConfig.Evolve(Given.EmptyControlPlane(), restored).Hash);
    }

    /// <summary>jsonb stores object keys shortest first, then by bytes.</summary>
    private static System.Text.Json.Nodes.JsonNode? JsonLikeJsonb(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, JsonLikeJsonb(p.Value)))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray([.. a.Select(JsonLikeJsonb)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public void Event_bodies_use_camel_case_and_carry_the_whole_entity()
    {
        var json = EventTypes.Serialize(new RouteCreated(Given.Route("r1", Given.Service().Id)));

        using var doc = JsonDocument.Parse(json);
        var route = doc.RootElement.GetProperty("route");
        Assert.Equal("r1", route.GetProperty("name").GetString());
        Assert.Equal(426, route.GetProperty("httpsRedirectStatusCode").GetInt32());
        Assert.Equal(Given.Service().Id, route.GetProperty("serviceId").GetGuid());
        Assert.False(route.TryGetProperty("entityType", out _));
    }

    [Fact]
    public void Masking_an_event_hides_the_secrets_it_carries()
    {
        var created = new CredentialCreated(new Credential { Id = Given.Id("c"), Kind = CredentialKind.KeyAuth, ConsumerId = Given.Consumer().Id, Key = "secret-key" });

        var json = EventTypes.Serialize(SecretMasking.Mask(created));

        Assert.DoesNotContain("secret-key", json, StringComparison.Ordinal);
        Assert.Contains(SecretMasking.Placeholder, json, StringComparison.Ordinal);
    }
}
