using KonnectES.GraphQL.Http;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a GraphQL schema for <c>MapGraphQL</c>.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the schema and the endpoint options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="schema">The schema to serve.</param>
    /// <param name="configure">Adjusts the endpoint options (context factory, WebSocket authentication, limits).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddGraphQL(this IServiceCollection services, Schema schema, Action<GraphQLServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schema);
        var options = new GraphQLServerOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(provider => new GraphQLServer(schema, options, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return services;
    }
}
