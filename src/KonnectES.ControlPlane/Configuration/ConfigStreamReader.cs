using KonnectES.Domain;
using KonnectES.EventStore;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>Folds a control plane's stream forward from a known state, optionally up to a version.</summary>
internal static class ConfigStreamReader
{
    public static async Task<ControlPlaneConfig> CatchUpAsync(
        IEventStore store, ControlPlaneConfig state, long untilVersion, ConfigCheckpoints? checkpoints, CancellationToken cancellationToken)
    {
        if (state.Version >= untilVersion)
        {
            return state;
        }

        await foreach (var envelope in store.ReadStreamAsync(state.ControlPlaneId, state.Version + 1, cancellationToken))
        {
            if (envelope.Version > untilVersion)
            {
                break;
            }

            state = ControlPlaneConfig.Evolve(state, (IConfigEvent)envelope.Data);
            checkpoints?.Offer(state);
        }

        return state;
    }
}
