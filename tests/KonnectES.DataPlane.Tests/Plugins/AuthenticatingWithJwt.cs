using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class AuthenticatingWithJwt
{
    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly ManualClock Clock = new();

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
          jwt_secrets:
          - {key: alice-issuer, secret: alice-hmac-secret}
        - username: bob
          jwt_secrets:
          - key: bob-issuer
            algorithm: RS256
            rsa_public_key: |
        {{string.Join('\n', Rsa.ExportSubjectPublicKeyInfoPem().Split('\n').Select(l => "          " + l))}}
        plugins:
        - name: jwt
          config: {{pluginConfig}}
        """;

    private static long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task An_hs256_token_signed_with_the_credentials_secret_authenticates()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var echo = await Echo.ReadAsync(await SendAsync(host, Hs256(new JsonObject { ["iss"] = "alice-issuer" }, "alice-hmac-secret")));

        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
        Assert.Equal(host.Plugins.Consumers.Jwt["alice-issuer"].Id.ToString(), Echo.Header(echo, "X-Credential-Identifier"));
    }

    [Fact]
    public async Task An_rs256_token_is_verified_with_the_credentials_public_key()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var response = await SendAsync(host, Rs256(new JsonObject { ["iss"] = "bob-issuer" }));

        Assert.Equal("bob", Echo.Header(await Echo.ReadAsync(response), "X-Consumer-Username"));
    }

    [Fact]
    public async Task A_wrong_signature_is_401_invalid_signature()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var response = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "alice-issuer" }, "another-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid signature", await Echo.MessageAsync(response));
        Assert.Equal("Bearer error=\"invalid_token\"", Echo.Single(response, "WWW-Authenticate"));
    }

    [Fact]
    public async Task An_unknown_issuer_and_a_missing_issuer_are_reported_as_kong_does()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var unknown = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "stranger" }, "x"));
        var missing = await SendAsync(host, Hs256(new JsonObject { ["sub"] = "alice" }, "x"));

        Assert.Equal("No credentials found for given 'iss'", await Echo.MessageAsync(unknown));
        Assert.Equal("No mandatory 'iss' in claims", await Echo.MessageAsync(missing));
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_than_the_credentials_is_rejected()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var response = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "bob-issuer" }, "x"));

        Assert.Equal("Invalid algorithm", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task An_expired_token_is_401_with_the_claim_errors_when_exp_is_verified()
    {
        await using var host = await PluginTestHost.StartAsync(Config("{claims_to_verify: [exp, nbf]}"), time: Clock);

        var expired = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "alice-issuer", ["exp"] = Now - 10, ["nbf"] = Now - 60 }, "alice-hmac-secret"));
        var early = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "alice-issuer", ["exp"] = Now + 600, ["nbf"] = Now + 60 }, "alice-hmac-secret"));
        var valid = await SendAsync(host, Hs256(new JsonObject { ["iss"] = "alice-issuer", ["exp"] = Now + 600, ["nbf"] = Now - 60 }, "alice-hmac-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("token expired", (await Echo.ReadAsync(expired))["exp"]!.GetValue<string>());
        Assert.Equal("token not valid yet", (await Echo.ReadAsync(early))["nbf"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task Tokens_come_from_the_query_and_two_different_ones_are_rejected()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);
        var token = Hs256(new JsonObject { ["iss"] = "alice-issuer" }, "alice-hmac-secret");

        var fromQuery = await host.Client.GetAsync("/orders?jwt=" + token);
        using var both = new HttpRequestMessage(HttpMethod.Get, "/orders?jwt=" + token);
        both.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Hs256(new JsonObject { ["iss"] = "alice-issuer", ["n"] = 2 }, "alice-hmac-secret"));
        var twice = await host.Client.SendAsync(both);

        Assert.Equal(HttpStatusCode.OK, fromQuery.StatusCode);
        Assert.Equal("Multiple tokens provided", await Echo.MessageAsync(twice));
    }

    [Fact]
    public async Task No_token_is_401_unauthorized_with_a_bearer_challenge()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var response = await host.Client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await Echo.MessageAsync(response));
        Assert.Equal("Bearer", Echo.Single(response, "WWW-Authenticate"));
    }

    [Fact]
    public async Task A_malformed_token_is_a_bad_token()
    {
        await using var host = await PluginTestHost.StartAsync(Config(), time: Clock);

        var response = await host.Client.GetAsync("/orders?jwt=not-a-token");

        Assert.Equal("Bad token; invalid JWT", await Echo.MessageAsync(response));
    }

    [Fact]
    public async Task A_token_in_a_configured_cookie_authenticates_and_a_base64_secret_is_decoded()
    {
        var config = Config("{cookie_names: [session], secret_is_base64: true}").Replace("secret: alice-hmac-secret", "secret: " + Convert.ToBase64String(Encoding.UTF8.GetBytes("raw-secret")));
        await using var host = await PluginTestHost.StartAsync(config, time: Clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("Cookie", "session=" + Hs256(new JsonObject { ["iss"] = "alice-issuer" }, "raw-secret"));

        var echo = await Echo.ReadAsync(await host.Client.SendAsync(request));

        Assert.Equal("alice", Echo.Header(echo, "X-Consumer-Username"));
    }

    private static Task<HttpResponseMessage> SendAsync(PluginTestHost host, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Client.SendAsync(request);
    }

    private static string Hs256(JsonObject claims, string secret)
    {
        var input = Segment(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }) + "." + Segment(claims);
        return input + "." + Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(input)));
    }

    private static string Rs256(JsonObject claims)
    {
        var input = Segment(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" }) + "." + Segment(claims);
        return input + "." + Base64Url(Rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Segment(JsonObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
