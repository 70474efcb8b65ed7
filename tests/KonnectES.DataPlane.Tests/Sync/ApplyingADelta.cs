using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Sync;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Sync;

public sealed class ApplyingADelta
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_delta_between_two_versions_of_a_random_history_gives_the_later_snapshot_and_its_hash(int seed)
    {
        // Given a history built with the domain, and pairs of its versions in both directions
        var history = RandomHistory.Generate(seed, steps: 60);
        var random = new Random(seed);
        var shippedChanges = 0;
        for (var pair = 0; pair < 40; pair++)
        {
            var from = history.States[random.Next(history.States.Count)];
            var to = history.States[random.Next(history.States.Count)];
            var held = SnapshotState.FromDocument(RandomHistory.Document(from));
            var delta = SnapshotDelta.Parse(RandomHistory.DeltaJson(from, to));

            // When
            var next = held.Apply(delta);

            // Then the entities are exactly those of the later snapshot, and so is the hash
            var expected = RandomHistory.Document(to);
            Assert.Equal(to.Version, next.Version);
            Assert.Equal(to.Hash, next.ConfigHash);
            Assert.Equal(SnapshotContentHash.OfDocument(expected), next.SnapshotHash);
            Assert.Equal(delta.SnapshotHash, next.SnapshotHash);
            AssertSameSections(expected, JsonSerializer.Deserialize<JsonElement>(next.ToJson()));
            shippedChanges += delta.Upserts.Count + delta.Deletes.Count;
        }

        Assert.True(shippedChanges > 0, "the pairs changed nothing that ships");
    }

    [Fact]
    public void The_held_snapshot_is_not_changed_by_applying_a_delta_to_it()
    {
        // Given
        var history = RandomHistory.Generate(7, steps: 30);
        var held = SnapshotState.FromDocument(RandomHistory.Document(history.States[10]));
        var before = held.ToJson();

        // When
        _ = held.Apply(SnapshotDelta.Parse(RandomHistory.DeltaJson(history.States[10], history.States[^1])));

        // Then
        Assert.Equal(before, held.ToJson());
        Assert.Equal(history.States[10].Version, held.Version);
    }

    [Fact]
    public void Deleting_an_id_nobody_holds_changes_nothing_but_the_version()
    {
        // Given
        var state = RandomHistory.Generate(8, steps: 20).States[^1];
        var held = SnapshotState.FromDocument(RandomHistory.Document(state));
        var delta = Delta(state.Version, state.Version + 1, held.SnapshotHash, upserts: "{}", deletes: $$"""{"routes":["{{Guid.NewGuid()}}"]}""");

        // When
        var next = held.Apply(delta);

        // Then
        Assert.Equal(held.SnapshotHash, next.SnapshotHash);
        Assert.Equal(held.Count, next.Count);
        Assert.Equal(state.Version + 1, next.Version);
    }

    [Fact]
    public void An_upserted_id_leaves_whatever_section_held_it()
    {
        // Given a held route
        var service = new Service { Id = Guid.NewGuid(), Name = "svc", Host = "a.internal" };
        var route = new Route { Id = Guid.NewGuid(), Name = "r", Paths = ["/r"], ServiceId = service.Id };
        var state = Apply(ControlPlaneConfig.Empty(Guid.NewGuid()), new CreateControlPlane(new ControlPlane { Name = "cp" }), new CreateService(service), new CreateRoute(route));
        var held = SnapshotState.FromDocument(RandomHistory.Document(state));
        var moved = SnapshotDocument.Entity(route).ToJsonString();

        // When a delta upserts the same id into another section
        var next = held.Apply(Delta(state.Version, state.Version + 1, null, upserts: $$"""{"plugins":[{{moved}}]}""", deletes: "{}"));

        // Then only the other section holds it, and the hash counts it once, there
        Assert.Empty(next.Section("routes"));
        Assert.Single(next.Section("plugins"));
        var expected = SnapshotContentHash.OfEntity("services", SnapshotDocument.Entity(service).ToJsonString())
            .Add(SnapshotContentHash.OfEntity("plugins", moved));
        Assert.Equal(expected, next.SnapshotHash);
    }

    [Fact]
    public void A_tampered_entity_does_not_hash_to_the_announced_snapshot_hash()
    {
        // Given a delta whose route was altered on the way
        var history = RandomHistory.Generate(9, steps: 40);
        var (from, to) = (history.States[5], history.States[^1]);
        var node = JsonNode.Parse(RandomHistory.DeltaJson(from, to))!;
        var upserts = node["upserts"]!.AsObject();
        var (section, entities) = upserts.First(s => s.Value!.AsArray().Count > 0);
        entities![0]!["tags"] = new JsonArray("tampered");
        var delta = SnapshotDelta.Parse(Encoding.UTF8.GetBytes(node.ToJsonString()));

        // When
        var next = SnapshotState.FromDocument(RandomHistory.Document(from)).Apply(delta);

        // Then
        Assert.NotEqual(delta.SnapshotHash, next.SnapshotHash);
        Assert.NotEmpty(next.Section(section));
    }

    [Fact]
    public void A_body_that_is_not_a_delta_is_refused()
    {
        Assert.Throws<FormatException>(() => SnapshotDelta.Parse("{\"upserts\":{}}"u8));
        Assert.Throws<FormatException>(() => SnapshotDelta.Parse("not json"u8));
        Assert.Throws<FormatException>(() => SnapshotDelta.Parse(
            """{"_konnectes":{"from_version":1,"version":2,"config_hash":"00"},"upserts":{}}"""u8));
        Assert.Throws<FormatException>(() => Delta(1, 2, null, upserts: """{"routes":[{"name":"no id"}]}""", deletes: "{}"));
    }

    private static SnapshotDelta Delta(long from, long to, ConfigHash? snapshotHash, string upserts, string deletes)
    {
        var header = new JsonObject { ["from_version"] = from, ["version"] = to, ["config_hash"] = new string('1', 64) };
        if (snapshotHash is { } hash)
        {
            header["snapshot_hash"] = hash.ToString();
        }

        var body = new JsonObject { ["_konnectes"] = header, ["upserts"] = JsonNode.Parse(upserts), ["deletes"] = JsonNode.Parse(deletes) };
        return SnapshotDelta.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static ControlPlaneConfig Apply(ControlPlaneConfig state, params IConfigCommand[] commands)
    {
        foreach (var command in commands)
        {
            state = ControlPlaneConfig.Fold(state, ControlPlaneConfig.Decide(state, command).Value);
        }

        return state;
    }

    private static void AssertSameSections(JsonElement expected, JsonElement actual)
    {
        foreach (var section in SnapshotDocument.Sections)
        {
            var want = expected.GetProperty(section).EnumerateArray().Select(e => e.GetRawText()).Select(t => JsonNode.Parse(t)).ToList();
            var got = actual.GetProperty(section).EnumerateArray().Select(e => e.GetRawText()).Select(t => JsonNode.Parse(t)).ToList();
            Assert.Equal(want.Count, got.Count);
            for (var i = 0; i < want.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(want[i], got[i]), $"{section}[{i}]: expected {want[i]!.ToJsonString()}, got {got[i]!.ToJsonString()}");
            }
        }
    }
}
