using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Http;

/// <summary>A loopback server whose WebSocket auth refuses the token "deny" and waits 500 ms for connection_init.</summary>
public sealed class WebSocketServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(configure: options =>
    {
        options.ConnectionInitTimeout = TimeSpan.FromMilliseconds(500);
        options.OnConnect = init => ValueTask.FromResult<RequestContext?>(
            init.Payload?.GetProperty("token").GetString() == "deny" ? null : new RequestContext());
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
