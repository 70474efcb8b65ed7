using Microsoft.AspNetCore.Http;

namespace KonnectES.GraphQL.Http;

/// <summary>Accepts graphql-transport-ws connections and runs one session per socket.</summary>
internal static class WebSocketEndpoint
{
    public const string Protocol = "graphql-transport-ws";

    public static async Task HandleAsync(HttpContext context, GraphQLServer server)
    {
        var supported = context.WebSockets.WebSocketRequestedProtocols.Contains(Protocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(supported ? Protocol : null);
        var session = new WebSocketSession(context, server, socket);
        if (!supported)
        {
            await session.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        await session.RunAsync(context.RequestAborted);
    }
}
