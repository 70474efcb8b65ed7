using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Sync;
using KonnectES.Domain;
using KonnectES.Projections.ConfigSnapshot;

namespace KonnectES.Cluster.Tests;

/// <summary>The data plane's own delta application against the projection's <see cref="ConfigDelta.ApplyTo"/>, on the same deltas.</summary>
public sealed class ApplyingDeltasLikeTheControlPlane
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void The_client_and_the_projection_give_the_same_document_for_any_delta_of_a_random_history(int seed)
    {
        var history = RandomHistory.Generate(seed, steps: 50);
        var random = new Random(seed);
        for (var pair = 0; pair < 30; pair++)
        {
            // Given two versions, and the delta between them with some noise the semantics must absorb:
            // a delete of an id nobody holds, and an entity moved to another section
            var from = history.States[random.Next(history.States.Count)];
            var to = history.States[random.Next(history.States.Count)];
            var delta = Delta(from, to, random);

            // When both apply it
            var expected = delta.ApplyTo(SnapshotDocument.Create(from));
            var actual = SnapshotState.FromDocument(RandomHistory.Document(from))
                .Apply(SnapshotDelta.Parse(Encoding.UTF8.GetBytes(delta.ToJson())));

            // Then the documents have the same entities in the same order, and the client's hash is the document's
            var actualDocument = JsonNode.Parse(actual.ToJson())!;
            foreach (var section in SnapshotDocument.Sections)
            {
                Assert.True(
                    JsonNode.DeepEquals(expected[section], actualDocument[section]),
                    $"{section}: expected {expected[section]?.ToJsonString()}, got {actualDocument[section]?.ToJsonString()}");
            }

            Assert.Equal(SnapshotContentHash.OfDocument(JsonSerializer.Deserialize<JsonElement>(expected.ToJsonString())), actual.SnapshotHash);
            Assert.Equal((long)expected["_konnectes"]!["version"]!, actual.Version);
            Assert.Equal((string)expected["_konnectes"]!["config_hash"]!, actual.ConfigHash.ToString());
        }
    }

    private static ConfigDelta Delta(ControlPlaneConfig from, ControlPlaneConfig to, Random random)
    {
        var wire = JsonNode.Parse(RandomHistory.DeltaJson(from, to))!;
        var upserts = new List<SnapshotEntry>();
        foreach (var (section, entities) in wire["upserts"]!.AsObject())
        {
            upserts.AddRange(entities!.AsArray().Select(e => new SnapshotEntry(section, Guid.Parse((string)e!["id"]!), e.ToJsonString())));
        }

        var deletes = new List<SnapshotEntry>();
        foreach (var (section, ids) in wire["deletes"]!.AsObject())
        {
            deletes.AddRange(ids!.AsArray().Select(id => new SnapshotEntry(section, Guid.Parse((string)id!), null)));
        }

        deletes.Add(new SnapshotEntry("routes", Guid.NewGuid(), null));
        var shipped = SnapshotDocument.Create(from);
        if (shipped["routes"]!.AsArray().FirstOrDefault() is { } route && random.Next(2) == 0)
        {
            upserts.Add(new SnapshotEntry("plugins", Guid.Parse((string)route["id"]!), route.ToJsonString()));
        }

        var header = wire["_konnectes"]!;
        return new ConfigDelta(
            from.ControlPlaneId, from.Version, to.Version, to.Hash, ConfigHash.Parse((string)header["snapshot_hash"]!), upserts, deletes);
    }
}
