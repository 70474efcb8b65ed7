using System.Text.Json.Nodes;
using KonnectES.DataPlane.Sync;
using KonnectES.Domain;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Sync;

public sealed class KeepingTheLastGoodSnapshot : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("konnectes-sync-cache").FullName;
    private readonly RecordingLogger<SyncClient> _logger = new();

    [Fact]
    public async Task A_saved_snapshot_loads_back_with_its_version_hashes_and_entities()
    {
        // Given
        var state = RandomHistory.Generate(11, steps: 40).States[^1];
        var snapshot = SnapshotState.FromDocument(RandomHistory.Document(state));
        var cache = new SnapshotCache(_dataDirectory, _logger);

        // When
        await cache.SaveAsync(snapshot, CancellationToken.None);
        var loaded = await cache.LoadAsync(CancellationToken.None);

        // Then
        Assert.NotNull(loaded);
        Assert.Equal(state.Version, loaded.Version);
        Assert.Equal(state.Hash, loaded.ConfigHash);
        Assert.Equal(snapshot.SnapshotHash, loaded.SnapshotHash);
        Assert.Equal(snapshot.ToJson(), loaded.ToJson());
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(_dataDirectory, "snapshot.json")))!["_konnectes"]!;
        Assert.Equal(state.Version, (long)recorded["version"]!);
        Assert.Equal(snapshot.SnapshotHash.ToString(), (string)recorded["snapshot_hash"]!);
    }

    [Fact]
    public async Task A_new_save_replaces_the_file_through_a_rename_and_leaves_no_temporary_file()
    {
        // Given
        var history = RandomHistory.Generate(12, steps: 30);
        var cache = new SnapshotCache(_dataDirectory, _logger);
        await cache.SaveAsync(SnapshotState.FromDocument(RandomHistory.Document(history.States[10])), CancellationToken.None);
        var inodeBefore = new FileInfo(cache.Path).LastWriteTimeUtc;

        // When
        await cache.SaveAsync(SnapshotState.FromDocument(RandomHistory.Document(history.States[^1])), CancellationToken.None);

        // Then
        Assert.Equal([SnapshotCache.FileName], Directory.GetFiles(_dataDirectory).Select(Path.GetFileName));
        Assert.Equal(history.States[^1].Version, (await cache.LoadAsync(CancellationToken.None))!.Version);
        Assert.True(new FileInfo(cache.Path).LastWriteTimeUtc >= inodeBefore);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("edited")]
    [InlineData("no hash")]
    [InlineData("not a snapshot")]
    public async Task A_corrupt_cache_file_is_ignored_with_a_warning(string corruption)
    {
        // Given a cache file damaged in one way
        var snapshot = SnapshotState.FromDocument(RandomHistory.Document(RandomHistory.Generate(13, steps: 30).States[^1]));
        var cache = new SnapshotCache(_dataDirectory, _logger);
        await cache.SaveAsync(snapshot, CancellationToken.None);
        var text = await File.ReadAllTextAsync(cache.Path);
        var document = JsonNode.Parse(text)!;
        await File.WriteAllTextAsync(cache.Path, corruption switch
        {
            "truncated" => text[..(text.Length / 2)],
            "garbage" => "\0\u0001 not json at all",
            "edited" => Edited(document),
            "no hash" => WithoutHash(document),
            _ => "[1, 2, 3]",
        });

        // When
        var loaded = await cache.LoadAsync(CancellationToken.None);

        // Then
        Assert.Null(loaded);
        Assert.True(_logger.Logged(LogLevel.Warning, "Ignoring the cached snapshot"), string.Join("\n", _logger.Entries));
    }

    [Fact]
    public async Task A_missing_cache_file_is_no_snapshot_and_no_warning()
    {
        var loaded = await new SnapshotCache(_dataDirectory, _logger).LoadAsync(CancellationToken.None);

        Assert.Null(loaded);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task A_client_started_while_the_control_plane_is_unreachable_applies_its_cached_snapshot()
    {
        // Given a cached snapshot and no control-plane node listening
        var state = RandomHistory.Generate(14, steps: 30).States[^1];
        var snapshot = SnapshotState.FromDocument(RandomHistory.Document(state));
        await new SnapshotCache(_dataDirectory, _logger).SaveAsync(snapshot, CancellationToken.None);
        var applier = new RecordingApplier();
        var options = new SyncClientOptions
        {
            ClusterUrl = new Uri("http://127.0.0.1:" + ClosedPort()),
            Token = "kes_dp_unused",
            DataDirectory = _dataDirectory,
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
        };
        using var client = new SyncClient(options, applier, _logger);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // When
        await client.StartAsync(timeout.Token);
        var status = await client.WaitForAsync(s => s.Version is not null && s.LastError is not null, timeout.Token);
        await client.StopAsync(timeout.Token);

        // Then the proxy got the cached snapshot, and the client says it is disconnected
        var applied = Assert.Single(applier.Received);
        Assert.Equal(state.Version, applied.Version);
        Assert.Equal(snapshot.SnapshotHash, applied.SnapshotHash);
        Assert.Equal(SnapshotContentHash.OfDocument(applied.Document), applied.SnapshotHash);
        Assert.Equal(state.Version, status.Version);
        Assert.Equal(SyncState.Disconnected, status.State);
        Assert.True(client.Counters.ConnectAttempts >= 1);
    }

    [Fact]
    public void The_node_id_is_kept_in_the_data_directory_across_restarts()
    {
        var first = NodeIdentity.LoadOrCreate(_dataDirectory);
        var second = NodeIdentity.LoadOrCreate(_dataDirectory);

        Assert.Equal(first, second);
        Assert.Equal(first.ToString(), File.ReadAllText(Path.Combine(_dataDirectory, NodeIdentity.FileName)).Trim());
        Assert.NotEqual(Guid.Empty, first);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static string Edited(JsonNode document)
    {
        var section = document["routes"]!.AsArray().Count > 0 ? "routes" : "services";
        document[section]![0]!["tags"] = new JsonArray("edited by hand");
        return document.ToJsonString();
    }

    private static string WithoutHash(JsonNode document)
    {
        document["_konnectes"]!.AsObject().Remove("snapshot_hash");
        return document.ToJsonString();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
