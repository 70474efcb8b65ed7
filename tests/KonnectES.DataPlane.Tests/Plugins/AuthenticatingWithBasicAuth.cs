using System.Net;
using System.Text;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class AuthenticatingWithBasicAuth
{
    private static string Config(string pluginConfig = "{}") => $$"""
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        consumers:
        - username: alice
          basicauth_credentials: [{username: alice-login, password: "s3cret:with-colon"}]
        plugins:
        - name: basic-auth
          config: {{pluginConfig}}
        """;

    [Fact]
    public async Task Valid_credentials_identify_the_consumer_and_the_username_is_the_credential_identifier()
    {
        await using var host = await PluginTestHost.StartAsync(Config());

        var echo = await Echo.ReadAsync(await SendAsync(host, "Authorization", "alice-login", "s3cret:with-colon"));

        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal("alice-login", Echo.Header(echo, "X-Credential-Identifier"));
        Assert.NotNull(Echo.Header(echo, "Authorization"));
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_the_basic_challenge()
    {
        await using var host = await PluginTestHost.StartAsync(Config());

        var response = await SendAsync(host, "Authorization", "alice-login", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await Echo.MessageAsync(response));
        Assert.Equal("Basic realm=\"service\"", Echo.Single(response, "WWW-Authenticate"));
    }

    [Fact]
    public async Task No_credentials_is_401()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{realm: shop}"));

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"shop\"", Echo.Single(response, "WWW-Authenticate"));
    }

    [Fact]
    public async Task Proxy_authorization_is_read_and_hidden_from_the_upstream_with_hide_credentials()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{hide_credentials: true}"));

        var echo = await Echo.ReadAsync(await SendAsync(host, "Proxy-Authorization", "alice-login", "s3cret:with-colon"));

        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Null(Echo.Header(echo, "Proxy-Authorization"));
    }

    [Fact]
    public async Task With_anonymous_on_both_key_auth_and_basic_auth_either_credential_is_enough()
    {
        await using var host = await PluginTestHost.StartAsync("""
            _format_version: "3.0"
            services:
            - name: orders
              url: http://orders.internal
              routes:
              - name: orders-route
                paths: [/orders]
            consumers:
            - username: alice
              basicauth_credentials: [{username: alice-login, password: pw}]
            - username: bob
              keyauth_credentials: [{key: bob-key}]
            - username: anonymous
            plugins:
            - name: key-auth
              config: {anonymous: anonymous}
            - name: basic-auth
              config: {anonymous: anonymous}
            """);

        var viaBasic = await Echo.ReadAsync(await SendAsync(host, "Authorization", "alice-login", "pw"));
        var viaKey = await Echo.ReadAsync(await host.Client.GetAsync("/orders?apikey=bob-key"));
        var neither = await Echo.ReadAsync(await host.Client.GetAsync("/orders"));

        Assert.Equal("alice", Echo.Header(viaBasic, "X-Consumer-Username"));
        Assert.Null(Echo.Header(viaBasic, "X-Anonymous-Consumer"));
        Assert.Equal("bob", Echo.Header(viaKey, "X-Consumer-Username"));
        Assert.Equal("anonymous", Echo.Header(neither, "X-Consumer-Username"));
        Assert.Equal("true", Echo.Header(neither, "X-Anonymous-Consumer"));
    }

    private static Task<HttpResponseMessage> SendAsync(PluginTestHost host, string header, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.TryAddWithoutValidation(header, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        return host.Client.SendAsync(request);
    }
}
