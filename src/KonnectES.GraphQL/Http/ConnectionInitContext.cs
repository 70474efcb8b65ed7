using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonnectES.GraphQL.Http;

/// <summary>What a graphql-transport-ws <c>connection_init</c> carries, for authentication.</summary>
public sealed class ConnectionInitContext
{
    internal ConnectionInitContext(HttpContext httpContext, JsonElement? payload)
    {
        HttpContext = httpContext;
        Payload = payload;
    }

    /// <summary>The upgrade request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The <c>payload</c> of <c>connection_init</c>, if any (credentials usually go here).</summary>
    public JsonElement? Payload { get; }
}
