using System.Collections.Concurrent;
using KonnectES.Domain;
using KonnectES.EventStore;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// The current configuration of each control plane this process has handled, at a known version. Loading it is a read
/// of the stream's tail only (usually no rows); a cold start loads the latest history checkpoint plus the tail, never
/// the whole stream. Other processes may append meanwhile: the tail read (and, failing that, the append's expected
/// version check) catches that.
/// </summary>
internal sealed class ConfigStateCache(IEventStore store, ConfigCheckpoints checkpoints)
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public Entry For(Guid controlPlaneId) => _entries.GetOrAdd(controlPlaneId, id => new Entry(id));

    /// <summary>The entry's state caught up with the stream; call while holding <see cref="Entry.Gate"/>.</summary>
    public async Task<ControlPlaneConfig> LoadAsync(Entry entry, CancellationToken cancellationToken)
    {
        var state = entry.State;
        if (state is null)
        {
            state = await checkpoints.LoadAsync(entry.ControlPlaneId, long.MaxValue, cancellationToken) ?? ControlPlaneConfig.Empty(entry.ControlPlaneId);
        }

        state = await ConfigStreamReader.CatchUpAsync(store, state, long.MaxValue, checkpoints, cancellationToken);
        entry.State = state;
        return state;
    }

    /// <summary>The cached state when it is exactly at <paramref name="version"/>, else null.</summary>
    public ControlPlaneConfig? At(Guid controlPlaneId, long version) =>
        _entries.TryGetValue(controlPlaneId, out var entry) && entry.State is { } state && state.Version == version ? state : null;

    /// <summary>One control plane's cached state; commands on it in this process run one at a time.</summary>
    internal sealed class Entry(Guid controlPlaneId)
    {
        public Guid ControlPlaneId { get; } = controlPlaneId;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ControlPlaneConfig? State { get; set; }
    }
}
