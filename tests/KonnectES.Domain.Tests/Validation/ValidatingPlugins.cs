using System.Text.Json;

namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingPlugins
{
    private readonly ControlPlaneConfig _state = Given.ControlPlaneWithOneService();

    public static TheoryData<string, string> ValidConfigs => new()
    {
        { "key-auth", """{"key_names":["apikey","x-api-key"],"hide_credentials":true}""" },
        { "basic-auth", """{"hide_credentials":true}""" },
        { "jwt", """{"claims_to_verify":["exp"],"maximum_expiration":3600}""" },
        { "acl", """{"allow":["admin","anon"],"hide_groups_header":true}""" },
        { "acl", """{"deny":["blocked"]}""" },
        { "rate-limiting", """{"minute":100,"hour":1000,"policy":"local"}""" },
        { "rate-limiting", """{"second":5,"limit_by":"header","header_name":"x-team"}""" },
        { "rate-limiting", """{"day":5,"policy":"redis","redis":{"host":"redis","port":6380}}""" },
        { "cors", """{"origins":["*"],"methods":["GET","POST"],"max_age":3600,"credentials":true}""" },
        { "request-transformer", """{"add":{"headers":["Content-Profile:graphql_public"]},"remove":{"querystring":["debug"]},"replace":{"uri":"/v2"}}""" },
        { "response-transformer", """{"add":{"json":["a:1"],"json_types":["number"]},"remove":{"headers":["server"]}}""" },
        { "ip-restriction", """{"allow":["10.0.0.0/8","192.168.1.1"],"status":401}""" },
        { "request-size-limiting", """{"allowed_payload_size":10,"size_unit":"kilobytes"}""" },
        { "correlation-id", """{"header_name":"X-Request-Id","generator":"uuid","echo_downstream":true}""" },
        { "request-termination", """{"status_code":403,"message":"Access is forbidden."}""" },
        { "request-termination", """{"status_code":200,"body":"<ok/>","content_type":"application/xml"}""" },
        { "bot-detection", """{"deny":["curl/.*"]}""" },
        { "proxy-cache", """{"strategy":"memory","cache_ttl":15,"response_code":[200]}""" },
        { "prometheus", """{"per_consumer":true}""" },
    };

    public static TheoryData<string, string, string> InvalidConfigs => new()
    {
        { "key-auth", """{"key_names":["bad name"]}""", "config.key_names[0]" },
        { "key-auth", """{"unknown":true}""", "config.unknown" },
        { "key-auth", """{"hide_credentials":"yes"}""", "config.hide_credentials" },
        { "basic-auth", """{"realm":5}""", "config.realm" },
        { "jwt", """{"maximum_expiration":3600}""", "config.claims_to_verify" },
        { "jwt", """{"claims_to_verify":["iat"]}""", "config.claims_to_verify[0]" },
        { "acl", """{}""", "config.allow" },
        { "acl", """{"allow":["a"],"deny":["b"]}""", "config.allow" },
        { "rate-limiting", """{}""", "config.second" },
        { "rate-limiting", """{"minute":100,"hour":10}""", "config.hour" },
        { "rate-limiting", """{"minute":-1}""", "config.minute" },
        { "rate-limiting", """{"minute":1,"limit_by":"header"}""", "config.header_name" },
        { "rate-limiting", """{"minute":1,"policy":"cluster"}""", "config.policy" },
        { "rate-limiting", """{"minute":1,"policy":"redis"}""", "config.redis.host" },
        { "rate-limiting", """{"minute":1,"limit_by":"planet"}""", "config.limit_by" },
        { "cors", """{"methods":["FETCH"]}""", "config.methods[0]" },
        { "request-transformer", """{"add":{"headers":["no-colon"]}}""", "config.add.headers[0]" },
        { "request-transformer", """{"http_method":"get"}""", "config.http_method" },
        { "response-transformer", """{"add":{"json_types":["object"]}}""", "config.add.json_types[0]" },
        { "ip-restriction", """{}""", "config.allow" },
        { "ip-restriction", """{"deny":["not-an-ip"]}""", "config.deny[0]" },
        { "ip-restriction", """{"allow":["10.0.0.1"],"status":99}""", "config.status" },
        { "request-size-limiting", """{"size_unit":"gigabytes"}""", "config.size_unit" },
        { "request-size-limiting", """{"allowed_payload_size":1.5}""", "config.allowed_payload_size" },
        { "correlation-id", """{"generator":"random"}""", "config.generator" },
        { "request-termination", """{"status_code":600}""", "config.status_code" },
        { "request-termination", """{"message":"m","body":"b"}""", "config.message" },
        { "bot-detection", """{"allow":["(unclosed"]}""", "config.allow[0]" },
        { "proxy-cache", """{"strategy":"redis"}""", "config.strategy" },
        { "proxy-cache", """{"response_code":[99]}""", "config.response_code[0]" },
        { "prometheus", """{"per_consumer":1}""", "config.per_consumer" },
    };

    [Theory]
    [MemberData(nameof(ValidConfigs))]
    public void A_bundled_plugin_with_a_valid_config_is_accepted(string name, string config) =>
        Verdict.Accepted(_state, new CreatePlugin(Given.Plugin(name, config, serviceId: Given.Service().Id)));

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void A_config_breaking_the_plugin_schema_is_rejected_on_that_field(string name, string config, string field) =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin(name, config)), field);

    [Fact]
    public void A_name_that_is_no_kong_plugin_is_rejected_like_kong_does_for_a_plugin_that_is_not_enabled()
    {
        var error = Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("rate-limiting-turbo")), "name");

        Assert.Equal("plugin 'rate-limiting-turbo' not enabled; add it to the 'plugins' configuration property", error.Message);
    }

    [Fact]
    public void A_plugin_without_name_is_rejected() =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("")), "name");

    [Fact]
    public void Kongs_config_defaults_are_filled_in()
    {
        var plugin = Assert.IsType<PluginCreated>(Assert.Single(Given.Events(_state, new CreatePlugin(Given.Plugin("key-auth"))))).Plugin;

        var config = plugin.Config;
        Assert.Equal("apikey", config.GetProperty("key_names")[0].GetString());
        Assert.True(config.GetProperty("key_in_header").GetBoolean());
        Assert.True(config.GetProperty("run_on_preflight").GetBoolean());
        Assert.False(config.GetProperty("key_in_body").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("anonymous").ValueKind);
        Assert.Equal(["grpc", "grpcs", "http", "https"], plugin.Protocols.ToArray());
    }

    [Theory]
    [InlineData("rate-limiting", "error_message", "API rate limit exceeded")]
    [InlineData("correlation-id", "header_name", "Kong-Request-ID")]
    [InlineData("correlation-id", "generator", "uuid#counter")]
    [InlineData("basic-auth", "realm", "service")]
    [InlineData("request-size-limiting", "size_unit", "megabytes")]
    [InlineData("proxy-cache", "strategy", "memory")]
    [InlineData("jwt", "key_claim_name", "iss")]
    public void String_defaults_match_kong(string name, string field, string expected)
    {
        var config = name == "rate-limiting" ? """{"minute":1}""" : "{}";
        var plugin = Assert.IsType<PluginCreated>(Assert.Single(Given.Events(_state, new CreatePlugin(Given.Plugin(name, config))))).Plugin;

        Assert.Equal(expected, plugin.Config.GetProperty(field).GetString());
    }

    [Theory]
    [InlineData("key-auth", "consumer")]
    [InlineData("cors", "consumer")]
    [InlineData("acl", "consumer")]
    [InlineData("bot-detection", "consumer")]
    public void A_plugin_cannot_be_scoped_where_its_schema_forbids(string name, string scope) =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin(name, name == "acl" ? """{"allow":["a"]}""" : "{}", consumerId: Given.Consumer().Id)), scope);

    [Theory]
    [InlineData("rate-limiting")]
    [InlineData("request-termination")]
    [InlineData("correlation-id")]
    public void A_plugin_may_be_scoped_to_a_consumer_where_its_schema_allows(string name) =>
        Verdict.Accepted(_state, new CreatePlugin(Given.Plugin(name, name == "rate-limiting" ? """{"minute":1}""" : "{}", consumerId: Given.Consumer().Id)));

    [Fact]
    public void A_second_instance_of_a_plugin_in_the_same_scope_is_a_conflict()
    {
        var state = Given.Apply(_state, new CreatePlugin(Given.Plugin("cors", serviceId: Given.Service().Id)));

        Verdict.Rejected(state, new CreatePlugin(Given.Plugin("cors", serviceId: Given.Service().Id) with { Id = Guid.NewGuid() }), "name", DomainError.Conflict);
    }

    [Fact]
    public void The_same_plugin_in_another_scope_is_accepted()
    {
        var state = Given.Apply(_state, new CreatePlugin(Given.Plugin("cors", serviceId: Given.Service().Id)));

        Verdict.Accepted(state, new CreatePlugin(Given.Plugin("cors", routeId: Given.Route("r1").Id)));
    }

    [Theory]
    [InlineData("instance_name", "bad name", "http")]
    [InlineData("protocols[0]", "ok", "tcp")]
    public void Instance_names_and_protocols_are_validated(string field, string instanceName, string protocol) =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("cors") with { InstanceName = instanceName, Protocols = [protocol] }), field);

    [Fact]
    public void A_unique_instance_name_and_allowed_protocols_are_accepted() =>
        Verdict.Accepted(_state, new CreatePlugin(Given.Plugin("ip-restriction", """{"deny":["1.2.3.4"]}""") with { InstanceName = "block-1", Protocols = ["tcp", "http"] }));

    [Fact]
    public void A_plugin_scoped_to_a_missing_route_is_not_found() =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("cors", routeId: Guid.NewGuid())), "route", DomainError.NotFound);
}
