using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.EventStore;

internal sealed class EventStoreBuilder(IServiceCollection services) : IEventStoreBuilder
{
    public IServiceCollection Services { get; } = services;

    public IEventStoreBuilder AddProjection<TProjection>(ProjectionLifecycle lifecycle)
        where TProjection : class, IProjection
    {
        Services.AddSingleton<TProjection>();
        Services.AddSingleton(new ProjectionRegistration(typeof(TProjection), lifecycle));
        return this;
    }

    public IEventStoreBuilder AddAppendParticipant<TParticipant>()
        where TParticipant : class, IAppendParticipant
    {
        Services.AddSingleton<IAppendParticipant, TParticipant>();
        return this;
    }
}
