using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.EventStore;

/// <summary>
/// Adds projections and participants to the event store registered by <c>AddEventStore</c>.
/// </summary>
public interface IEventStoreBuilder
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a projection (as a singleton) that runs inline or in the daemon.</summary>
    public IEventStoreBuilder AddProjection<TProjection>(ProjectionLifecycle lifecycle)
        where TProjection : class, IProjection;

    /// <summary>Registers a participant (as a singleton) that takes part in every append.</summary>
    public IEventStoreBuilder AddAppendParticipant<TParticipant>()
        where TParticipant : class, IAppendParticipant;
}
