namespace KonnectES.GraphQL.Execution;

/// <summary>A service provider with no services, used when the host supplies none.</summary>
internal sealed class EmptyServices : IServiceProvider
{
    public static readonly EmptyServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
