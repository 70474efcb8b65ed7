using KonnectES.GraphQL.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the GraphQL endpoint: GraphQL over HTTP (GET and POST) and graphql-transport-ws on one path.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>Maps the schema registered with <c>AddGraphQL</c>. Call <c>app.UseWebSockets()</c> first for subscriptions.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The path, <c>/graphql</c> by default.</param>
    /// <returns>The endpoint convention builder, e.g. to require authorization.</returns>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Map(pattern, (HttpContext context) =>
        {
            var server = context.RequestServices.GetRequiredService<GraphQLServer>();
            return context.WebSockets.IsWebSocketRequest
                ? WebSocketEndpoint.HandleAsync(context, server)
                : HttpEndpoint.HandleAsync(context, server);
        });
    }
}
