using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Domain.Tests.Serialization;

public sealed class HashingSnapshotContent
{
    [Fact]
    public void Key_order_whitespace_and_number_spelling_do_not_change_an_entity_hash()
    {
        var stored = SnapshotContentHash.OfEntity("services", """{"id":"a","port":80,"retries":5,"weight":1.50,"tags":["x","y"]}""");
        var readBack = SnapshotContentHash.OfEntity("services", """{ "tags": ["x", "y"], "weight": 15e-1, "retries": 5, "port": 80.0, "id": "a" }""");

        Assert.Equal(stored, readBack);
    }

    [Fact]
    public void Values_array_order_and_section_all_count()
    {
        var entity = """{"id":"a","tags":["x","y"]}""";
        var hash = SnapshotContentHash.OfEntity("services", entity);

        Assert.NotEqual(hash, SnapshotContentHash.OfEntity("routes", entity));
        Assert.NotEqual(hash, SnapshotContentHash.OfEntity("services", """{"id":"a","tags":["y","x"]}"""));
        Assert.NotEqual(hash, SnapshotContentHash.OfEntity("services", """{"id":"b","tags":["x","y"]}"""));
        Assert.NotEqual(hash, SnapshotContentHash.OfEntity("services", """{"id":"a","tags":["x","y"],"path":null}"""));
    }

    [Fact]
    public void A_document_hashes_to_the_sum_of_its_entities_in_any_order_and_ignores_its_header()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("kongair-prd-kong.yaml"), ConfigFormat.Yaml, ImportMode.Merge));
        var document = SnapshotDocument.Create(state);
        var expected = ConfigHash.Empty;
        foreach (var section in SnapshotDocument.Sections)
        {
            foreach (var entity in document[section]!.AsArray())
            {
                expected = expected.Add(SnapshotContentHash.OfEntity(section, entity!.ToJsonString()));
            }
        }

        var reordered = new JsonObject { ["_konnectes"] = new JsonObject { ["version"] = 999 } };
        foreach (var section in SnapshotDocument.Sections.Reverse())
        {
            reordered[section] = new JsonArray([.. document[section]!.AsArray().Reverse().Select(e => e!.DeepClone())]);
        }

        Assert.NotEqual(ConfigHash.Empty, expected);
        Assert.Equal(expected, SnapshotContentHash.OfDocument(JsonDocument.Parse(document.ToJsonString()).RootElement));
        Assert.Equal(expected, SnapshotContentHash.OfDocument(JsonDocument.Parse(reordered.ToJsonString()).RootElement));
    }

    [Fact]
    public void Removing_an_entity_subtracts_exactly_its_hash()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("kic-upstreampolicy-ingress.yaml"), ConfigFormat.Yaml, ImportMode.Merge));
        var document = SnapshotDocument.Create(state);
        var full = SnapshotContentHash.OfDocument(JsonDocument.Parse(document.ToJsonString()).RootElement);
        var route = document["routes"]!.AsArray()[0]!;
        var routeHash = SnapshotContentHash.OfEntity("routes", route.ToJsonString());
        document["routes"]!.AsArray().RemoveAt(0);

        Assert.Equal(full.Subtract(routeHash), SnapshotContentHash.OfDocument(JsonDocument.Parse(document.ToJsonString()).RootElement));
    }
}
