using System.Text.Json;
using KonnectES.DataPlane.Tests.Routing;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Sync;

/// <summary>
/// The data plane hashes every entity a delta or a full snapshot brings; its hasher must give exactly the domain's
/// <see cref="SnapshotContentHash"/>, or every snapshot would fail its hash check.
/// </summary>
public sealed class HashingEntities
{
    public static TheoryData<string> Fixtures => new()
    {
        "kongair-prd-kong.yaml", "supabase-kong.yml", "kic-httproute-traditional.yaml", "kong-spec-burst.yml",
        "deck-dump-entities-with-tags.yaml", "gdr-consumer-groups-scoped-plugins.yaml", "kic-plugin-instance-name.yaml",
        "kic-upstreampolicy-ingress.yaml",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_entity_of_a_real_configuration_hashes_as_the_domain_hashes_it(string fixture)
    {
        var snapshot = KongSnapshots.FromYaml(SharedFixtures.Read(fixture));
        var document = JsonSerializer.SerializeToElement(snapshot);
        using var hasher = new EntityHasher();
        var entities = 0;

        foreach (var section in SnapshotDocument.Sections)
        {
            if (!document.TryGetProperty(section, out var array))
            {
                continue;
            }

            foreach (var entity in array.EnumerateArray())
            {
                Assert.Equal(SnapshotContentHash.OfEntity(section, entity), hasher.Hash(section, entity));
                entities++;
            }
        }

        Assert.True(entities > 0);
    }

    [Theory]
    [InlineData("""{"id":"a","name":"caf\u00e9","tags":["é","\"quoted\"","<b>&'","tab\there","😀","\ud83d\ude00","/slash\/"]}""")]
    [InlineData("""{"z":1,"a":{"y":[1,2,{"c":true,"b":false,"a":null}],"x":"v"},"m":[]}""")]
    [InlineData("""{"id":"n","ints":[0,-0,7,-7,123456789012345678,1234567890123456789,12345678901234567890123456789012],"reals":[1.50,1.5,15e-1,1E2,-0.0,0.1,1e400,-1e-400]}""")]
    [InlineData("""{"dup":1,"dup":2,"a":"first","a":"second"}""")]
    [InlineData("""{"\u0041":"escaped name","B":"upper","a":"lower","é":"accented"}""")]
    public void Escapes_unicode_member_order_and_numbers_hash_as_the_domain_hashes_them(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var hasher = new EntityHasher();

        var hash = hasher.Hash("routes", document.RootElement);

        Assert.Equal(SnapshotContentHash.OfEntity("routes", document.RootElement), hash);
        Assert.NotEqual(SnapshotContentHash.OfEntity("services", document.RootElement), hash);
    }

    [Fact]
    public void One_hasher_gives_each_entity_its_own_hash_whatever_came_before()
    {
        var first = JsonSerializer.Deserialize<JsonElement>("""{"id":"1","paths":["/a"],"nested":{"deep":{"deeper":[{"x":1}]}}}""");
        var second = JsonSerializer.Deserialize<JsonElement>("""{"id":"2"}""");
        using var hasher = new EntityHasher();

        hasher.Hash("routes", first);
        var hash = hasher.Hash("routes", second);

        Assert.Equal(SnapshotContentHash.OfEntity("routes", second), hash);
        Assert.Equal(SnapshotContentHash.OfEntity("routes", first), hasher.Hash("routes", first));
    }
}
