namespace KonnectES.Domain.Tests.Declarative;

public sealed class ImportingDeclarativeConfig
{
    private const string Example = """
        _format_version: "3.0"
        services:
        - name: users
          url: http://users.internal:8080/api
          routes:
          - name: users-by-id
            paths: ["~/users/(?<id>\\d+)$"]
            methods: [GET]
            strip_path: false
          plugins:
          - name: key-auth
        upstreams:
        - name: users.internal
          targets:
          - target: 10.0.0.11:8080
            weight: 100
        consumers:
        - username: alice
          keyauth_credentials:
          - key: alice-key
        plugins:
        - name: rate-limiting
          consumer: alice
          config: {minute: 1000, policy: local}
        - name: rate-limiting
          config: {minute: 100, policy: local}
        """;

    private static ControlPlaneConfig Import(ControlPlaneConfig state, string yaml, ImportMode mode = ImportMode.Merge) =>
        Given.Apply(state, new ImportConfig(yaml, ConfigFormat.Yaml, mode));

    private static IReadOnlyList<DomainError> Reject(string yaml) =>
        Given.Errors(Given.EmptyControlPlane(), new ImportConfig(yaml, ConfigFormat.Yaml, ImportMode.Merge));

    [Fact]
    public void The_reference_example_imports_with_nesting_shorthands_and_references_by_name()
    {
        var state = Import(Given.EmptyControlPlane(), Example);

        var service = Assert.Single(state.Services);
        Assert.Equal(("http", "users.internal", 8080, "/api"), (service.Protocol, service.Host, service.Port, service.Path));
        Assert.Equal(service.Id, Assert.Single(state.Routes).ServiceId);
        Assert.Equal("10.0.0.11:8080", Assert.Single(state.Targets).TargetAddress);
        var alice = Assert.Single(state.Consumers);
        Assert.Equal(alice.Id, Assert.Single(state.Credentials).ConsumerId);
        Assert.Single(state.Plugins, p => p.Name == "rate-limiting" && p.ConsumerId == alice.Id);
        Assert.Single(state.Plugins, p => p.Name == "rate-limiting" && p.IsGlobal);
        Assert.Single(state.Plugins, p => p.Name == "key-auth" && p.ServiceId == service.Id);
    }

    [Fact]
    public void Ids_come_from_the_file_or_are_derived_from_names_so_re_import_is_idempotent()
    {
        var first = Import(Given.EmptyControlPlane(), Example);
        var again = Import(Given.EmptyControlPlane(), Example);

        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(new Guid("0cef4d36-9c39-5ac2-9d9f-190d8ea8a252"),
            Import(Given.EmptyControlPlane(), "_format_version: \"3.0\"\nservices:\n- id: 0cef4d36-9c39-5ac2-9d9f-190d8ea8a252\n  name: s\n  host: a.com\n").Services.Single().Id);
    }

    [Fact]
    public void An_entity_matched_by_name_keeps_the_id_it_already_has()
    {
        var state = Given.ControlPlaneWithOneService();

        var after = Import(state, "_format_version: \"3.0\"\nservices:\n- name: svc\n  host: changed.example.com\n");

        Assert.Equal(Given.Service().Id, after.FindServiceByName("svc")!.Id);
        Assert.Equal("changed.example.com", after.FindServiceByName("svc")!.Host);
    }

    [Fact]
    public void Merge_keeps_entities_absent_from_the_file_and_replace_deletes_them()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new CreateService(Given.Service("other")));

        Assert.Equal(2, Import(state, Example).Services.Count());
        Assert.Equal(["users"], Import(state, Example, ImportMode.Replace).Services.Select(s => s.Name!).ToArray());
    }

    [Fact]
    public void The_import_event_lists_every_changed_entity_with_before_and_after()
    {
        var state = Import(Given.EmptyControlPlane(), Example);
        var edited = Example.Replace("weight: 100", "weight: 50", StringComparison.Ordinal);

        var imported = Assert.IsType<ConfigImported>(Assert.Single(Given.Events(state, new ImportConfig(edited, ConfigFormat.Yaml, ImportMode.Merge))));

        var change = Assert.Single(imported.Changes);
        Assert.Equal((EntityType.Target, ChangeKind.Updated), (change.EntityType, change.Change));
        Assert.Equal((100, 50), (((Target)change.Before!).Weight, ((Target)change.After!).Weight));
    }

    [Fact]
    public void Legacy_formats_get_the_tilde_on_regex_paths_like_kongs_migration()
    {
        var legacy = Import(Given.EmptyControlPlane(), SharedFixtures.Read("deck-convert-28x-routes.yaml"));
        var expected = Import(Given.EmptyControlPlane(), SharedFixtures.Read("deck-convert-34x-expected-routes.yaml"));

        Assert.Equal(["~/status/\\d+", "~/code/\\d+"], legacy.Routes.Single().Paths.ToArray());
        Assert.Equal(expected.Hash, legacy.Hash);
    }

    [Fact]
    public void Partial_health_check_records_are_completed_with_kongs_defaults()
    {
        var state = Import(Given.EmptyControlPlane(), SharedFixtures.Read("kic-upstreampolicy-ingress.yaml"));

        var passive = state.FindUpstreamByName("httpbin-deployment.default.80.svc")!.Healthchecks.Passive;
        Assert.Equal(("tcp", 5, 10), (passive.Type, passive.Healthy.Successes, passive.Unhealthy.Timeouts));
        Assert.Equal([429, 500, 503], passive.Unhealthy.HttpStatuses.ToArray());
        Assert.Equal(19, passive.Healthy.HttpStatuses.Length);
    }

    [Fact]
    public void Select_tags_are_added_to_imported_entities_and_replace_only_touches_entities_carrying_them()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new CreateService(Given.Service("unmanaged")));
        const string File = "_format_version: \"3.0\"\n_info:\n  select_tags: [team-a]\nservices:\n- name: managed\n  host: a.com\n";

        var after = Import(state, File, ImportMode.Replace);

        Assert.Equal(["team-a"], after.FindServiceByName("managed")!.Tags.ToArray());
        Assert.NotNull(after.FindServiceByName("unmanaged"));
    }

    [Fact]
    public void Defaults_from_info_fill_missing_fields()
    {
        var after = Import(Given.EmptyControlPlane(), "_format_version: \"3.0\"\n_info:\n  defaults:\n    service:\n      retries: 2\nservices:\n- name: s\n  host: a.com\n");

        Assert.Equal(2, after.Services.Single().Retries);
    }

    [Fact]
    public void Shared_plugin_configs_are_merged_into_plugins_that_reference_them()
    {
        var after = Import(Given.EmptyControlPlane(), "_format_version: \"3.0\"\n_plugin_configs:\n  strict:\n    key_claim_name: kid\nplugins:\n- name: jwt\n  _config: strict\n");

        Assert.Equal("kid", after.Plugins.Single().Config.GetProperty("key_claim_name").GetString());
    }

    [Fact]
    public void Json_documents_import_like_yaml_ones()
    {
        var after = Given.Apply(Given.EmptyControlPlane(), new ImportConfig("""{"_format_version":"3.0","services":[{"name":"s","host":"a.com","routes":[{"paths":["/"]}]}]}""", ConfigFormat.Json, ImportMode.Merge));

        Assert.Single(after.Routes);
    }

    [Theory]
    [InlineData("_format_version: \"3.0\"\nservices:\n- name: s\n  host: a.com\n  routes:\n  - paths: [/ok, bad]\n", "services[0].routes[0].paths[1]")]
    [InlineData("_format_version: \"3.0\"\nservices:\n- name: s\n  host: a.com\n  colour: red\n", "services[0].colour")]
    [InlineData("_format_version: \"3.0\"\nservices:\n- name: s\n  host: a.com\n  port: eighty\n", "services[0].port")]
    [InlineData("_format_version: \"3.0\"\nroutes:\n- paths: [/]\n  service: missing\n", "routes[0].service")]
    [InlineData("_format_version: \"3.0\"\nservices:\n- name: s\n  host: a.com\n- name: s\n  host: b.com\n", "services[1].name")]
    [InlineData("_format_version: \"3.0\"\nplugins:\n- name: cors\n  config:\n    methods: [FETCH]\n", "plugins[0].config.methods[0]")]
    [InlineData("_format_version: \"2.0\"\n", "_format_version")]
    [InlineData("services: []\n", "_format_version")]
    [InlineData("_format_version: \"3.0\"\nvaults: []\n", "vaults")]
    [InlineData("_format_version: \"3.0\"\nupstreams:\n- name: u\n  healthchecks:\n    active:\n      timeout: 70000\n", "upstreams[0].healthchecks.active.timeout")]
    [InlineData("_format_version: \"3.0\"\nupstreams:\n- name: u\n  healthchecks:\n    active:\n      colour: red\n", "upstreams[0].healthchecks.active.colour")]
    [InlineData("_format_version: \"3.0\"\nplugins:\n- name: jwt\n  _config: missing\n", "plugins[0]._config")]
    [InlineData("_format_version: \"3.0\"\nconsumers:\n- username: a\n  keyauth_credentials:\n  - key: k\n    password: p\n", "consumers[0].keyauth_credentials[0].password")]
    [InlineData("_format_version: \"3.0\"\nservices:\n- name: s\n  host: a.com\n  id: not-a-uuid\n", "services[0].id")]
    public void An_invalid_file_is_rejected_with_the_place_of_each_error(string yaml, string path)
    {
        var errors = Reject(yaml);

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void Malformed_yaml_is_a_validation_error_naming_the_line() =>
        Assert.Contains("line", Assert.Single(Reject("services: [\n  - a: b\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_failed_import_changes_nothing()
    {
        var state = Given.ControlPlaneWithOneService();

        var result = ControlPlaneConfig.Decide(state, new ImportConfig("_format_version: \"3.0\"\nservices:\n- name: new\n  host: a.com\n- name: bad\n  host: ''\n", ConfigFormat.Yaml, ImportMode.Replace));

        Assert.False(result.IsSuccess);
        Assert.Equal("services[1].host", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Replace_refuses_to_delete_a_service_that_an_unmanaged_route_still_uses()
    {
        var state = Given.ControlPlaneWithOneService();
        var tagged = Given.Apply(state, new UpdateService(state.Find<Service>(Given.Service().Id)! with { Tags = ["team-a"] }));

        var errors = Given.Errors(tagged, new ImportConfig("_format_version: \"3.0\"\n_info:\n  select_tags: [team-a]\n", ConfigFormat.Yaml, ImportMode.Replace));

        Assert.Equal(DomainError.Conflict, Assert.Single(errors).Code);
    }
}
