using KonnectES.EventStore;

namespace KonnectES.Projections.Tests.Support;

/// <summary>One control plane's stream: decides commands on the in-memory state and appends the events.</summary>
public sealed class ConfigStream(IEventStore store, Guid id)
{
    public Guid Id { get; } = id;

    public ControlPlaneConfig State { get; private set; } = ControlPlaneConfig.Empty(id);

    public List<ControlPlaneConfig> History { get; } = [ControlPlaneConfig.Empty(id)];

    /// <summary>Decides and appends; returns the events (none when the command was rejected or changed nothing).</summary>
    public async Task<IReadOnlyList<IConfigEvent>> TryAsync(IConfigCommand command, string actor = "alice", string? reason = null)
    {
        var decision = ControlPlaneConfig.Decide(State, command);
        if (!decision.IsSuccess || decision.Value.Count == 0)
        {
            return [];
        }

        await store.AppendAsync(Id, ExpectedVersion.Exact(State.Version), [.. decision.Value], new EventMetadata
        {
            Actor = actor,
            CorrelationId = "req-" + State.Version,
            Headers = reason is null ? null : new Dictionary<string, string> { ["reason"] = reason },
        });
        foreach (var @event in decision.Value)
        {
            State = ControlPlaneConfig.Evolve(State, @event);
            History.Add(State);
        }

        return decision.Value;
    }

    /// <summary>Decides and appends a command that must succeed.</summary>
    public async Task RunAsync(IConfigCommand command, string actor = "alice", string? reason = null)
    {
        var decision = ControlPlaneConfig.Decide(State, command);
        Assert.True(decision.IsSuccess, string.Join("; ", decision.Errors));
        await TryAsync(command, actor, reason);
    }
}
