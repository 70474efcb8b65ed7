namespace KonnectES.EventStore;

internal sealed record ProjectionRegistration(Type ProjectionType, ProjectionLifecycle Lifecycle);
