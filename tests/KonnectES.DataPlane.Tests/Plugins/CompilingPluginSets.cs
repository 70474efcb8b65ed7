using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Plugins;

namespace KonnectES.DataPlane.Tests.Plugins;

public sealed class CompilingPluginSets
{
    private const string Services = """
        _format_version: "3.0"
        services:
        - name: orders
          url: http://orders.internal
          routes:
          - name: orders-route
            paths: [/orders]
        """;

    [Fact]
    public void Every_instance_keeps_its_scope_and_the_chains_follow_kong_priorities()
    {
        var snapshot = KongSnapshot.FromYaml(Services + """

            consumers:
            - username: alice
              plugins:
              - name: rate-limiting
                config: {minute: 10}
            plugins:
            - name: key-auth
              service: orders
            - name: rate-limiting
              route: orders-route
              config: {minute: 5}
            - name: cors
            - name: correlation-id
            """);

        var plugins = PluginSet.Compile(snapshot);

        Assert.True(plugins.IsValid, string.Join("; ", plugins.Errors));
        Assert.Equal(["correlation-id", "cors", "key-auth", "rate-limiting"], plugins.Chains.Select(c => c.Name));
        var scopes = plugins.Instances.Where(i => i.Name == "rate-limiting").Select(i => i.Scope.ToString()).Order();
        Assert.Equal(["consumer", "route"], scopes);
        Assert.Equal("service", plugins.Instances.Single(i => i.Name == "key-auth").Scope.ToString());
    }

    [Fact]
    public void A_plugin_this_data_plane_does_not_implement_is_a_compile_error_not_an_exception()
    {
        var snapshot = KongSnapshot.FromYaml(Services + """

            plugins:
            - name: hmac-auth
            - name: key-auth
            """);

        var plugins = PluginSet.Compile(snapshot);

        var error = Assert.Single(plugins.Errors);
        Assert.Equal("hmac-auth", error.PluginName);
        Assert.Contains("not supported", error.Message);
        Assert.Equal(["key-auth"], plugins.Chains.Select(c => c.Name));
    }

    [Fact]
    public void A_plugin_no_gateway_knows_is_rejected_with_kongs_message()
    {
        var snapshot = WithPlugin(KongSnapshot.FromYaml(Services), new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "made-up", ["config"] = new JsonObject() });

        var plugins = PluginSet.Compile(snapshot);

        var error = Assert.Single(plugins.Errors);
        Assert.Equal("plugin 'made-up' not enabled; add it to the 'plugins' configuration property", error.Message);
    }

    [Fact]
    public void The_consumer_group_fixture_with_enterprise_plugins_compiles_to_errors()
    {
        var yaml = File.ReadAllText("/work/shared/fixtures/kong/gdr-consumer-groups-scoped-plugins.yaml");
        var snapshot = KongSnapshot.FromYaml(yaml);

        var plugins = PluginSet.Compile(snapshot);

        Assert.False(plugins.IsValid);
        Assert.All(plugins.Errors, e => Assert.Equal("rate-limiting-advanced", e.PluginName));
        Assert.Equal(3, plugins.Consumers.Count);
        Assert.Equal(["gold"], plugins.Consumers.GroupsOf(plugins.Consumers.Find("foo")!.Id).Select(g => g.Name));
        Assert.True(plugins.Consumers.KeyAuth.ContainsKey("i-am-special"));
    }

    [Fact]
    public void An_invalid_config_is_a_compile_error_naming_the_field()
    {
        var snapshot = WithPlugin(KongSnapshot.FromYaml(Services), new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "bot-detection",
            ["config"] = new JsonObject { ["deny"] = new JsonArray("([unclosed") },
        });

        var plugins = PluginSet.Compile(snapshot);

        var error = Assert.Single(plugins.Errors);
        Assert.Equal("config.deny: not a valid regex: ([unclosed", error.Message);
    }

    [Fact]
    public void A_scope_the_plugin_forbids_is_a_compile_error()
    {
        var snapshot = KongSnapshot.FromYaml(Services + """

            consumers:
            - username: alice
            """);
        var consumer = snapshot.GetProperty("consumers")[0].GetProperty("id").GetString()!;
        snapshot = WithPlugin(snapshot, new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "key-auth", ["consumer"] = consumer });

        var plugins = PluginSet.Compile(snapshot);

        Assert.Contains("cannot be scoped to a consumer", Assert.Single(plugins.Errors).Message);
    }

    [Fact]
    public void Foreign_keys_are_read_as_ids_or_as_id_objects()
    {
        var snapshot = KongSnapshot.FromYaml(Services + """

            consumers:
            - username: alice
              keyauth_credentials: [{key: secret-1}]
            """);
        var node = JsonNode.Parse(snapshot.GetRawText())!;
        var credential = node["keyauth_credentials"]![0]!;
        credential["consumer"] = new JsonObject { ["id"] = credential["consumer"]!.GetValue<string>() };

        var plugins = PluginSet.Compile(JsonDocument.Parse(node.ToJsonString()).RootElement);

        Assert.Equal(plugins.Consumers.Find("alice")!.Id, plugins.Consumers.KeyAuth["secret-1"].ConsumerId);
    }

    [Fact]
    public void Something_that_is_not_a_snapshot_is_an_error()
    {
        var plugins = PluginSet.Compile(JsonDocument.Parse("[]").RootElement);

        Assert.False(plugins.IsValid);
        Assert.Empty(plugins.Chains);
    }

    private static JsonElement WithPlugin(JsonElement snapshot, JsonObject plugin)
    {
        var node = JsonNode.Parse(snapshot.GetRawText())!;
        node["plugins"]!.AsArray().Add(plugin);
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
