using System.Text.Json;

namespace KonnectES.Domain.Tests.Declarative;

/// <summary>
/// The shared fixtures that need Kong Enterprise (Konnect): ws services, Enterprise plugins, vault references,
/// <c>_plugin_configs</c>. Konnect accepts them; so does KonnectES, keeping unimplemented plugins as pass-through.
/// </summary>
public sealed class ImportingKonnectOnlyFixtures
{
    private static ControlPlaneConfig Import(string file) =>
        Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace));

    private static ConfigImported Decide(string document) =>
        Assert.IsType<ConfigImported>(Assert.Single(Given.Events(Given.EmptyControlPlane(), new ImportConfig(document, ConfigFormat.Yaml, ImportMode.Replace))));

    [Fact]
    public void Supabase_realtime_is_a_ws_service_with_its_path()
    {
        var realtime = Assert.Single(Import("supabase-kong.yml").Services, s => s.Name == "realtime-v1-ws");

        Assert.Equal(("ws", "realtime-dev.supabase-realtime", 4000, "/socket"), (realtime.Protocol, realtime.Host, realtime.Port, realtime.Path));
    }

    [Fact]
    public void Kongair_keeps_acme_and_the_graphql_plugins_as_given_with_the_vault_reference_literal()
    {
        var plugins = Import("kongair-prd-kong.yaml").Plugins.ToList();

        var acme = Assert.Single(plugins, p => p.Name == "acme");
        Assert.True(acme.IsGlobal);
        Assert.Equal("{vault://env/acme/account_email}", acme.Config.GetProperty("account_email").GetString());
        Assert.Equal(["account_email", "domains", "renew_threshold_days"], acme.Config.EnumerateObject().Select(p => p.Name).ToArray());
        var cache = Assert.Single(plugins, p => p.Name == "graphql-proxy-cache-advanced");
        Assert.Equal(["cache_ttl", "strategy"], cache.Config.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(PluginSupport.PassThrough, PluginCatalog.SupportOf(cache.Name));
        Assert.Single(plugins, p => p.Name == "graphql-rate-limiting-advanced");
    }

    [Fact]
    public void Kongair_jwt_plugins_take_their_config_from_plugin_configs()
    {
        var jwts = Import("kongair-prd-kong.yaml").Plugins.Where(p => p.Name == "jwt").ToList();

        Assert.Equal(3, jwts.Count);
        Assert.All(jwts, j => Assert.Equal("iss", j.Config.GetProperty("key_claim_name").GetString()));
        Assert.All(jwts, j => Assert.False(j.Config.GetProperty("secret_is_base64").GetBoolean()));
        Assert.All(jwts, j => Assert.NotNull(j.ServiceId));
    }

    [Fact]
    public void Gdr_scopes_rate_limiting_advanced_to_each_consumer_group_and_globally()
    {
        var state = Import("gdr-consumer-groups-scoped-plugins.yaml");
        var advanced = state.Plugins.Where(p => p.Name == "rate-limiting-advanced").ToList();

        Assert.Equal(3, advanced.Count);
        Assert.Single(advanced, p => p.IsGlobal);
        var gold = Assert.Single(state.ConsumerGroups, g => g.Name == "gold");
        var goldPlugin = Assert.Single(advanced, p => p.ConsumerGroupId == gold.Id);
        Assert.Equal("gold", goldPlugin.Config.GetProperty("namespace").GetString());
        Assert.Equal(10, goldPlugin.Config.GetProperty("limit")[0].GetInt32());
    }

    [Fact]
    public void A_plugin_config_entry_overrides_the_shared_plugin_config_key_by_key()
    {
        const string file = """
            _format_version: "3.0"
            _plugin_configs:
              shared: {key_claim_name: iss, maximum_expiration: 60, claims_to_verify: [exp]}
            plugins:
            - name: jwt
              _config: shared
              config: {maximum_expiration: 120}
            """;

        var config = Assert.Single(Decide(file).Changes).After is Plugin p ? p.Config : default;

        Assert.Equal(120, config.GetProperty("maximum_expiration").GetInt32());
        Assert.Equal("iss", config.GetProperty("key_claim_name").GetString());
    }

    [Theory]
    [InlineData("plugins:\n- name: rate-limiting-turbo\n", "plugins[0].name")]
    [InlineData("services:\n- name: s\n  url: http://s\n  plugins:\n  - name: cors\n  - name: acme-v2\n", "services[0].plugins[1].name")]
    [InlineData("consumer_groups:\n- name: g\n  plugins:\n  - name: rate-limiting-advancd\n", "consumer_groups[0].plugins[0].name")]
    public void A_name_that_is_no_kong_plugin_is_rejected_at_its_place_in_the_file(string body, string path)
    {
        var errors = Given.Errors(Given.EmptyControlPlane(), new ImportConfig("_format_version: \"3.0\"\n" + body, ConfigFormat.Yaml, ImportMode.Replace));

        Assert.Contains(errors, e => e.Path == path && e.Message.Contains("not enabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("services:\n- name: s\n  protocol: ws\n  host: rt\n  tls_verify: true\n", "services[0].tls_verify")]
    [InlineData("services:\n- name: s\n  url: ws://rt/socket\n  routes:\n  - name: r\n    protocols: [ws, wss]\n    methods: [GET]\n    paths: [/rt]\n", "services[0].routes[0].methods")]
    [InlineData("services:\n- name: s\n  url: ws://rt/socket\n  routes:\n  - name: r\n    protocols: [ws]\n", "services[0].routes[0]")]
    [InlineData("plugins:\n- name: http-log\n  config: [1]\n", "plugins[0].config")]
    public void A_file_breaking_a_ws_or_pass_through_rule_is_rejected_at_its_place(string body, string path)
    {
        var errors = Given.Errors(Given.EmptyControlPlane(), new ImportConfig("_format_version: \"3.0\"\n" + body, ConfigFormat.Yaml, ImportMode.Replace));

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void A_pass_through_plugin_has_an_empty_object_as_config_when_the_file_gives_none()
    {
        var change = Assert.Single(Decide("_format_version: \"3.0\"\nplugins:\n- name: pre-function\n").Changes);

        Assert.Equal(JsonValueKind.Object, Assert.IsType<Plugin>(change.After).Config.ValueKind);
    }

    [Fact]
    public void Any_pass_through_config_survives_export_and_re_import()
    {
        const string config = """
            {"b": 1.5, "a": {"z": [], "y": {}, "x": [{"k": "v", "n": null}, 2, true]}, "s": ["true", "1", "", "null", "~", "- x", "a: b", "multi\nline", "ünï"],
             "big": 12345678901234, "neg": -0.25, "off": false, "gone": null, "vault": "{vault://aws/secret/key}"}
            """;
        var state = Given.Apply(Given.ControlPlaneWithOneService(), new CreatePlugin(Given.Plugin("http-log", config, serviceId: Given.Service().Id)));

        foreach (var format in new[] { ConfigFormat.Yaml, ConfigFormat.Json })
        {
            foreach (var secrets in new[] { true, false })
            {
                var exported = DeclarativeConfig.Export(state, format, includeSecrets: secrets);
                var plan = DeclarativeConfig.Plan(state, exported, format, ImportMode.Replace);
                Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
                Assert.Empty(plan.Value);
            }
        }
    }
}
