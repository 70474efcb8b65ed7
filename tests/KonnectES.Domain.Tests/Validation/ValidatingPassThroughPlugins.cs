using System.Text.Json;

namespace KonnectES.Domain.Tests.Validation;

/// <summary>Bundled Kong Gateway plugins (OSS, Enterprise, Konnect) that the data plane does not implement.</summary>
public sealed class ValidatingPassThroughPlugins
{
    private static readonly ConsumerGroup Gold = new() { Id = Given.Id("group/gold"), Name = "gold" };
    private readonly ControlPlaneConfig _state = Given.Apply(Given.ControlPlaneWithOneService(), new CreateConsumerGroup(Gold));

    [Theory]
    [InlineData("acme", PluginSupport.PassThrough)]
    [InlineData("rate-limiting-advanced", PluginSupport.PassThrough)]
    [InlineData("openid-connect", PluginSupport.PassThrough)]
    [InlineData("graphql-proxy-cache-advanced", PluginSupport.PassThrough)]
    [InlineData("http-log", PluginSupport.PassThrough)]
    [InlineData("key-auth", PluginSupport.Full)]
    [InlineData("rate-limiting", PluginSupport.Full)]
    [InlineData("rate-limiting-turbo", PluginSupport.Unknown)]
    [InlineData("", PluginSupport.Unknown)]
    public void The_catalog_tells_fully_supported_from_pass_through_and_unknown(string name, PluginSupport expected)
    {
        Assert.Equal(expected, PluginCatalog.SupportOf(name));
        Assert.Equal(expected != PluginSupport.Unknown, PluginCatalog.IsKnown(name));
        Assert.Equal(expected == PluginSupport.Full, PluginCatalog.IsFullySupported(name));
    }

    [Fact]
    public void Fully_supported_and_pass_through_names_are_disjoint_and_make_up_the_known_names()
    {
        Assert.Empty(PluginCatalog.Names.Intersect(PluginCatalog.PassThroughNames));
        Assert.Equal(PluginCatalog.Names.Count + PluginCatalog.PassThroughNames.Count, PluginCatalog.KnownNames.Count);
        Assert.All(PluginCatalog.Names, n => Assert.True(PluginCatalog.IsFullySupported(n)));
        Assert.All(PluginCatalog.PassThroughNames, n => Assert.Equal(PluginSupport.PassThrough, PluginCatalog.SupportOf(n)));
    }

    [Fact]
    public void A_pass_through_config_is_stored_as_given_with_no_defaults_nulls_unset_and_vault_references_kept_literally()
    {
        const string config = """{"domains":["api.kong-air.com"],"account_email":"{vault://env/acme/account_email}","renew_threshold_days":30,"eab_kid":null}""";

        var plugin = Assert.IsType<PluginCreated>(Assert.Single(Given.Events(_state, new CreatePlugin(Given.Plugin("acme", config))))).Plugin;

        Assert.Equal(["account_email", "domains", "renew_threshold_days"], plugin.Config.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("{vault://env/acme/account_email}", plugin.Config.GetProperty("account_email").GetString());
        Assert.Equal(30, plugin.Config.GetProperty("renew_threshold_days").GetInt32());
    }

    [Fact]
    public void A_pass_through_plugin_without_config_gets_an_empty_object()
    {
        var plugin = Assert.IsType<PluginCreated>(Assert.Single(Given.Events(_state, new CreatePlugin(Given.Plugin("http-log") with { Config = default })))).Plugin;

        Assert.Equal(JsonValueKind.Object, plugin.Config.ValueKind);
        Assert.Empty(plugin.Config.EnumerateObject());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"endpoint\"")]
    [InlineData("42")]
    public void A_pass_through_config_that_is_not_an_object_is_rejected_on_config(string config) =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("http-log", config)), "config");

    [Fact]
    public void A_pass_through_plugin_may_be_scoped_to_a_consumer_group() =>
        Verdict.Accepted(_state, new CreatePlugin(Given.Plugin("rate-limiting-advanced", """{"limit":[7],"window_size":[60]}""") with { ConsumerGroupId = Gold.Id }));

    [Fact]
    public void A_pass_through_plugin_runs_on_any_protocol_including_websockets() =>
        Verdict.Accepted(_state, new CreatePlugin(Given.Plugin("websocket-size-limit", serviceId: Given.Service().Id) with { Protocols = ["ws", "wss"] }));

    [Fact]
    public void A_pass_through_plugin_rejects_a_protocol_kong_does_not_have() =>
        Verdict.Rejected(_state, new CreatePlugin(Given.Plugin("http-log") with { Protocols = ["ftp"] }), "protocols[0]");

    [Theory]
    [InlineData("acme", "service")]
    [InlineData("acme", "consumer")]
    [InlineData("openid-connect", "consumer")]
    [InlineData("hmac-auth", "consumer")]
    public void A_pass_through_plugin_cannot_be_scoped_where_kong_forbids(string name, string scope) =>
        Verdict.Rejected(_state, new CreatePlugin(scope == "service"
            ? Given.Plugin(name, serviceId: Given.Service().Id)
            : Given.Plugin(name, consumerId: Given.Consumer().Id)), scope);

    [Fact]
    public void A_second_pass_through_instance_in_the_same_scope_is_a_conflict()
    {
        var state = Given.Apply(_state, new CreatePlugin(Given.Plugin("http-log", serviceId: Given.Service().Id)));

        Verdict.Rejected(state, new CreatePlugin(Given.Plugin("http-log", serviceId: Given.Service().Id) with { Id = Guid.NewGuid() }), "name", DomainError.Conflict);
    }
}
