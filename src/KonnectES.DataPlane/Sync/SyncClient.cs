using System.Net;
using System.Threading.Channels;
using KonnectES.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The data plane's side of the cluster protocol (docs/cluster-protocol.md, "The sync client's rules"). Four loops
/// run side by side and never throw out: the change channel (WebSocket push, or long-polls) records only the newest
/// notification; the sync loop pulls the delta since the held version (the full snapshot when it holds none or the
/// delta does not hash right), hands it to the <see cref="ISnapshotApplier"/>, or NACKs it; the cache loop keeps the
/// newest applied snapshot on disk; the heartbeat loop reports the node every interval and at once after an apply or a
/// refusal, with the node's target health when it changed. At start the last good snapshot on disk is applied before
/// any network call.
/// </summary>
internal sealed partial class SyncClient : BackgroundService
{
    private readonly SyncClientOptions _options;
    private readonly ISnapshotApplier _applier;
    private readonly ITargetHealthSource? _health;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly ClusterApi _api;
    private readonly SnapshotCache _cache;
    private readonly Backoff _channelBackoff;
    private readonly Backoff _pullBackoff;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _heartbeatNow = new(0);
    private readonly HashSet<ConfigHash> _refused = [];
    private readonly Lock _gate = new();
    private readonly List<(Func<SyncStatus, bool> Predicate, TaskCompletionSource<SyncStatus> Completion)> _waiters = [];
    private SnapshotNotification? _pending;
    private SnapshotState? _held;
    private SyncStatus _status = SyncStatus.Initial;
    private string? _transport;
    private bool _syncing;
    private bool _refusedHead;
    private string? _lastError;
    private DateTimeOffset? _lastContact;
    private IReadOnlyList<string> _errors = [];
    private IReadOnlyList<TargetHealthEntry>? _healthAcknowledged;
    private long _healthEpoch;

    /// <summary>
    /// A client for the options; <paramref name="applier"/> is the proxy, <paramref name="health"/> (when given) the
    /// target health its heartbeats report.
    /// </summary>
    public SyncClient(SyncClientOptions options, ISnapshotApplier applier, ILogger<SyncClient> logger, ITargetHealthSource? health = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The sync client cannot start: " + string.Join(" ", problems));
        }

        _options = options;
        _applier = applier;
        _health = health;
        _logger = logger;
        NodeId = options.NodeId ?? NodeIdentity.LoadOrCreate(options.DataDirectory);
        _http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own (a long-poll waits longer than a pull)
        };
        _api = new ClusterApi(_http, options, NodeId);
        _cache = new SnapshotCache(options.DataDirectory, logger);
        _channelBackoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
        _pullBackoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
    }

    /// <summary>This node's id (persisted in the data directory unless set in the options).</summary>
    public Guid NodeId { get; }

    /// <summary>What the client did.</summary>
    public SyncCounters Counters { get; } = new();

    /// <summary>The current state, for <c>/status</c>.</summary>
    public SyncStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The snapshot applied and held; null until one is.</summary>
    public SnapshotState? Held => Volatile.Read(ref _held);

    /// <summary>Completes with the first status that satisfies <paramref name="predicate"/> (the current one included).</summary>
    public async Task<SyncStatus> WaitForAsync(Func<SyncStatus, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var completion = new TaskCompletionSource<SyncStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (predicate(_status))
            {
                return _status;
            }

            _waiters.Add((predicate, completion));
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Completion == completion);
            }

            completion.TrySetCanceled(cancellationToken);
        });
        return await completion.Task;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
        _heartbeatNow.Dispose();
        _cacheNow.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start never waits for the disk or the network
        await LoadCacheAsync(stoppingToken);
        await Task.WhenAll(ListenAsync(stoppingToken), SyncLoopAsync(stoppingToken), HeartbeatLoopAsync(stoppingToken), CacheLoopAsync(stoppingToken));
    }

    private void Update(Action change)
    {
        List<(TaskCompletionSource<SyncStatus>, SyncStatus)> ready = [];
        lock (_gate)
        {
            change();
            var held = _held;
            var state = _syncing ? SyncState.Syncing
                : _transport is null ? SyncState.Disconnected
                : _refusedHead ? SyncState.Refused
                : SyncState.Connected;
            _status = new SyncStatus(state, held?.Version, held?.ConfigHash, held?.SnapshotHash, _lastError, _lastContact, _transport);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(_status))
                {
                    ready.Add((_waiters[i].Completion, _status));
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var (completion, status) in ready)
        {
            completion.TrySetResult(status);
        }
    }

    private void Contacted() => Update(() => _lastContact = DateTimeOffset.UtcNow);

    private void HeartbeatSoon()
    {
        if (_heartbeatNow.CurrentCount == 0)
        {
            _heartbeatNow.Release();
        }
    }

    private static string Describe(Exception e) => e switch
    {
        ClusterRequestException => e.Message,
        HttpRequestException { StatusCode: { } code } => $"{(int)code} {code}: {e.Message}",
        _ => e.GetType().Name + ": " + e.Message,
    };
}
