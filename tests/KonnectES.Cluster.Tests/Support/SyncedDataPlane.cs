using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Sync;
using KonnectES.Domain;

namespace KonnectES.Cluster.Support;

/// <summary>A real <see cref="SyncClient"/> with its own data directory and node id, and a recording proxy behind it.</summary>
internal sealed class SyncedDataPlane : IAsyncDisposable
{
    private readonly bool _ownsDirectory;
    private int _stopped;

    private SyncedDataPlane(SyncClient client, RecordingApplier applier, RecordingLogger<SyncClient> logger, string dataDirectory, bool ownsDirectory)
    {
        Client = client;
        Applier = applier;
        Logger = logger;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public SyncClient Client { get; }

    public RecordingApplier Applier { get; }

    public RecordingLogger<SyncClient> Logger { get; }

    public string DataDirectory { get; }

    public static async Task<SyncedDataPlane> StartAsync(
        Uri clusterUrl, string token, Action<SyncClientOptions>? configure = null, string? dataDirectory = null, RecordingApplier? applier = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("konnectes-dp").FullName;
        var options = new SyncClientOptions
        {
            ClusterUrl = clusterUrl,
            Token = token,
            DataDirectory = dataDirectory,
            Hostname = "dp-" + Path.GetFileName(dataDirectory),
            Version = "0.1.0",
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
            HeartbeatInterval = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        var logger = new RecordingLogger<SyncClient>();
        applier ??= new RecordingApplier();
        var client = new SyncClient(options, applier, logger);
        await client.StartAsync(CancellationToken.None);
        return new SyncedDataPlane(client, applier, logger, dataDirectory, owns);
    }

    /// <summary>Waits until the client holds <paramref name="snapshotHash"/>.</summary>
    public Task<SyncStatus> HoldsAsync(ConfigHash snapshotHash, TimeSpan? timeout = null) =>
        WaitAsync(s => s.SnapshotHash == snapshotHash && s.State != SyncState.Syncing, timeout);

    public async Task<SyncStatus> WaitAsync(Func<SyncStatus, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await Client.WaitForAsync(predicate, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Timed out; the client's status is {Client.Status}. Log:\n{string.Join("\n", Logger.Entries.Select(e => $"{e.Level}: {e.Message}"))}");
            throw;
        }
    }

    /// <summary>Stops the client, keeping its data directory.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await Client.StopAsync(CancellationToken.None);
        Client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
