using KonnectES.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace KonnectES.GraphQL.Http;

/// <summary>Options of the GraphQL over HTTP and graphql-transport-ws endpoint.</summary>
public sealed class GraphQLServerOptions
{
    /// <summary>Limits and switches of the executor.</summary>
    public ExecutionOptions Execution { get; set; } = new();

    /// <summary>
    /// Builds the request context (user, items, services) from an HTTP request. The default takes
    /// <c>HttpContext.User</c> and <c>RequestServices</c>. Throw <see cref="GraphQLException"/> to refuse the request.
    /// </summary>
    public Func<HttpContext, ValueTask<RequestContext>>? ContextFactory { get; set; }

    /// <summary>
    /// Authenticates a WebSocket connection from its <c>connection_init</c> payload. Return null to refuse it
    /// (the socket closes with 4403 Forbidden). The default accepts every connection with the upgrade request's user.
    /// </summary>
    public Func<ConnectionInitContext, ValueTask<RequestContext?>>? OnConnect { get; set; }

    /// <summary>Largest accepted request body, in bytes.</summary>
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> (then 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most concurrent subscriptions on one WebSocket.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>Messages that may wait for a slow WebSocket client before the connection is closed.</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Whether GET requests may run queries (mutations are always refused over GET).</summary>
    public bool EnableGet { get; set; } = true;
}
