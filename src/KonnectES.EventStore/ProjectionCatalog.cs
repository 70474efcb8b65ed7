namespace KonnectES.EventStore;

/// <summary>The registered projections, resolved once.</summary>
internal sealed class ProjectionCatalog
{
    public ProjectionCatalog(IEnumerable<ProjectionRegistration> registrations, IServiceProvider services)
    {
        var inline = new List<IProjection>();
        var async = new List<IProjection>();
        foreach (var registration in registrations)
        {
            var projection = (IProjection)services.GetService(registration.ProjectionType)!;
            (registration.Lifecycle == ProjectionLifecycle.Inline ? inline : async).Add(projection);
        }

        var duplicate = inline.Concat(async).GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two projections are named '{duplicate.Key}'.");
        }

        Inline = inline;
        Async = async;
    }

    public IReadOnlyList<IProjection> Inline { get; }

    public IReadOnlyList<IProjection> Async { get; }
}
