using System.Security.Claims;

namespace KonnectES.GraphQL.Execution;

/// <summary>Who is asking and with what services: handed to every resolver through <see cref="IResolverContext"/>.</summary>
public sealed class RequestContext
{
    /// <summary>The services resolvers and DataLoaders are created from.</summary>
    public IServiceProvider Services { get; init; } = EmptyServices.Instance;

    /// <summary>The authenticated user, if any.</summary>
    public ClaimsPrincipal? User { get; init; }

    /// <summary>Request-scoped values for resolvers.</summary>
    public IDictionary<string, object?> Items { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The value root fields receive as their parent.</summary>
    public object? RootValue { get; init; }
}
