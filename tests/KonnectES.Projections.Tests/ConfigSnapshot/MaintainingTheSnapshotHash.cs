using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.Domain.Tests.Properties;

namespace KonnectES.Projections.Tests.ConfigSnapshot;

public sealed class MaintainingTheSnapshotHash(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ConfigHash ContentHash(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return SnapshotContentHash.OfDocument(parsed.RootElement);
    }

    private static ConfigHash ContentHash(JsonObject document) => ContentHash(document.ToJsonString());

    [Theory]
    [InlineData(3)]
    [InlineData(77)]
    [InlineData(2024)]
    public async Task After_every_step_of_a_random_history_the_head_snapshot_hash_is_the_content_hash_of_the_snapshot_read_back(int seed)
    {
        var random = new Random(seed);
        var cp = await _host.CreateControlPlaneAsync($"content-{seed}");
        var generator = new RandomCommands(random);
        for (var i = 0; i < 80; i++)
        {
            await cp.TryAsync(generator.Next(cp.State, cp.History));
            var snapshot = (await _host.Snapshots.GetSnapshotAsync(cp.Id))!;
            var head = (await _host.Snapshots.GetHeadAsync(cp.Id))!.Value;

            Assert.Equal(ContentHash(snapshot.Document), snapshot.SnapshotHash);
            Assert.Equal(snapshot.SnapshotHash, head.SnapshotHash);
            Assert.Equal(ContentHash(SnapshotDocument.Create(cp.State)), head.SnapshotHash);
            Assert.Equal(snapshot.SnapshotHash.ToString(), JsonNode.Parse(snapshot.Document)!["_konnectes"]!["snapshot_hash"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(901)]
    public async Task A_delta_from_version_n_applied_to_snapshot_n_has_the_snapshot_hash_of_the_current_version(int seed)
    {
        var random = new Random(seed);
        var cp = await _host.CreateControlPlaneAsync($"delta-{seed}");
        var generator = new RandomCommands(random);
        var taken = new List<(long Version, JsonObject Document)>();
        for (var i = 0; i < 100; i++)
        {
            await cp.TryAsync(generator.Next(cp.State, cp.History));
            if (i % 7 == 0)
            {
                taken.Add((cp.State.Version, JsonNode.Parse((await _host.Snapshots.GetSnapshotAsync(cp.Id))!.Document)!.AsObject()));
            }
        }

        var head = (await _host.Snapshots.GetHeadAsync(cp.Id))!.Value;
        foreach (var (version, document) in taken)
        {
            var delta = (await _host.Snapshots.GetDeltaAsync(cp.Id, version))!;
            var applied = delta.ApplyTo(document);

            Assert.Equal(head.SnapshotHash, delta.SnapshotHash);
            Assert.Equal(delta.SnapshotHash, ContentHash(applied));
            Assert.Equal(delta.SnapshotHash.ToString(), applied["_konnectes"]!["snapshot_hash"]!.GetValue<string>());
            Assert.Equal(delta.SnapshotHash.ToString(), JsonNode.Parse(delta.ToJson())!["_konnectes"]!["snapshot_hash"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Deleting_the_control_plane_empties_the_snapshot_hash()
    {
        var cp = await _host.CreateControlPlaneAsync("content-deleted");
        await cp.RunAsync(new CreateService(new Service { Id = Guid.NewGuid(), Name = "svc", Host = "svc.internal" }));
        Assert.NotEqual(ConfigHash.Empty, (await _host.Snapshots.GetHeadAsync(cp.Id))!.Value.SnapshotHash);

        await cp.RunAsync(new DeleteControlPlane());

        Assert.Equal(ConfigHash.Empty, (await _host.Snapshots.GetHeadAsync(cp.Id))!.Value.SnapshotHash);
    }
}
