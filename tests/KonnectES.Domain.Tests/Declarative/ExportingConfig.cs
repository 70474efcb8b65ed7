using System.Text.Json.Nodes;

namespace KonnectES.Domain.Tests.Declarative;

public sealed class ExportingConfig
{
    private static ControlPlaneConfig WithSecrets()
    {
        var cert = new Certificate { Id = Given.Id("cert"), Cert = TestCertificates.Rsa.Cert, Key = TestCertificates.Rsa.Key };
        return Given.Apply(Given.ControlPlaneWithOneService(),
            new CreateCredential(new Credential { Id = Given.Id("k"), Kind = CredentialKind.KeyAuth, ConsumerId = Given.Consumer().Id, Key = "alice-key" }),
            new CreateCredential(new Credential { Id = Given.Id("b"), Kind = CredentialKind.BasicAuth, ConsumerId = Given.Consumer().Id, Username = "alice", Password = "pw" }),
            new CreateCertificate(cert),
            new CreateSni(new Sni { Id = Given.Id("sni"), Name = "a.example.com", CertificateId = cert.Id }));
    }

    [Fact]
    public void An_export_is_kong_declarative_3_0_with_children_nested_under_their_parents()
    {
        var yaml = DeclarativeConfig.Export(WithSecrets(), ConfigFormat.Yaml, includeSecrets: true);

        Assert.StartsWith("_format_version: \"3.0\"", yaml, StringComparison.Ordinal);
        var doc = DocumentReader.Read(yaml, ConfigFormat.Yaml).Value;
        Assert.Equal("r1", doc["services"]![0]!["routes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("alice-key", doc["consumers"]![0]!["keyauth_credentials"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("a.example.com", doc["certificates"]![0]!["snis"]![0]!["name"]!.GetValue<string>());
        Assert.Null(doc["services"]![0]!["routes"]![0]!["service"]);
    }

    [Fact]
    public void Yaml_exports_keep_every_string_exactly_even_those_that_look_like_other_types()
    {
        string[] tags = ["true", "123", "1e5", "0x1F", "~", "null", "a:b", "#x", "-x", "ü", "'q'", "\"dq\"", "*star", "&amp", "@at", "yes"];
        const string Message = " Access\n  denied:\tnow \n\nreally\n";
        var state = Given.Apply(Given.EmptyControlPlane(),
            new CreateService(Given.Service() with { Tags = [.. tags] }),
            new CreatePlugin(Given.Plugin("request-termination", System.Text.Json.JsonSerializer.Serialize(new { message = Message }))),
            new CreatePlugin(Given.Plugin("request-transformer", """{"add":{"headers":["x-pem:-----BEGIN X-----\nabc\n-----END X-----\n"]}}""")));

        var yaml = DeclarativeConfig.Export(state, ConfigFormat.Yaml);
        var plan = DeclarativeConfig.Plan(state, yaml, ConfigFormat.Yaml, ImportMode.Replace);

        Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
        Assert.Empty(plan.Value);
    }

    [Fact]
    public void Without_secrets_the_export_carries_placeholders_and_re_importing_it_keeps_the_stored_secrets()
    {
        var state = WithSecrets();

        var json = DeclarativeConfig.Export(state, ConfigFormat.Json, includeSecrets: false);
        var after = Given.Apply(state, new ImportConfig(json, ConfigFormat.Json, ImportMode.Replace));

        Assert.DoesNotContain("alice-key", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", json, StringComparison.Ordinal);
        Assert.Contains(SecretMasking.Placeholder, json, StringComparison.Ordinal);
        Assert.Equal(state.Hash, after.Hash);
        Assert.Equal("alice-key", after.Find<Credential>(Given.Id("k"))!.Key);
    }

    [Fact]
    public void Omitting_the_secret_of_an_existing_credential_keeps_it()
    {
        var state = WithSecrets();
        const string File = "_format_version: \"3.0\"\nconsumers:\n- username: alice\n  basicauth_credentials:\n  - username: alice\n";

        var plan = DeclarativeConfig.Plan(state, File, ConfigFormat.Yaml, ImportMode.Merge);

        Assert.Empty(plan.Value);
    }

    [Fact]
    public void A_new_key_auth_credential_without_key_gets_a_generated_one()
    {
        var after = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(
            "_format_version: \"3.0\"\nconsumers:\n- username: bob\n  keyauth_credentials:\n  - tags: [generated]\n", ConfigFormat.Yaml, ImportMode.Merge));

        Assert.Equal(32, after.Credentials.Single().Key!.Length);
    }

    [Fact]
    public void The_snapshot_document_is_flat_with_ids_and_foreign_keys_as_ids()
    {
        var state = WithSecrets();

        var snapshot = SnapshotDocument.Create(state);

        Assert.Equal("3.0", snapshot["_format_version"]!.GetValue<string>());
        Assert.False(snapshot["_transform"]!.GetValue<bool>());
        Assert.Equal(state.Hash.ToString(), snapshot["_konnectes"]!["config_hash"]!.GetValue<string>());
        var route = (JsonObject)snapshot["routes"]![0]!;
        Assert.Equal(Given.Service().Id.ToString(), route["service"]!.GetValue<string>());
        Assert.Equal(Given.Route("r1").Id.ToString(), route["id"]!.GetValue<string>());
        Assert.Equal("alice-key", snapshot["keyauth_credentials"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(SnapshotDocument.Sections, snapshot.Select(p => p.Key).Where(k => !k.StartsWith('_')));
    }

    [Fact]
    public void The_snapshot_leaves_out_disabled_services_with_their_routes_and_plugins_and_disabled_plugins()
    {
        var state = Given.ControlPlaneWithOneService();
        state = Given.Apply(state,
            new CreatePlugin(Given.Plugin("cors", routeId: Given.Route("r1").Id)),
            new CreatePlugin(Given.Plugin("key-auth") with { Enabled = false }),
            new UpdateService(state.Find<Service>(Given.Service().Id)! with { Enabled = false }));

        var snapshot = SnapshotDocument.Create(state);
        var everything = SnapshotDocument.Create(state, includeDisabled: true);

        Assert.Empty(snapshot["services"]!.AsArray());
        Assert.Empty(snapshot["routes"]!.AsArray());
        Assert.Empty(snapshot["plugins"]!.AsArray());
        Assert.Equal(2, everything["plugins"]!.AsArray().Count);
    }

    [Fact]
    public void The_snapshot_of_a_state_re_imports_to_the_same_configuration()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("deck-dump-entities-with-tags.yaml"), ConfigFormat.Yaml, ImportMode.Replace));
        var snapshot = SnapshotDocument.Create(state, includeDisabled: true).ToJsonString();

        var plan = DeclarativeConfig.Plan(state, snapshot, ConfigFormat.Json, ImportMode.Replace);

        Assert.True(plan.IsSuccess, string.Join("; ", plan.Errors));
        Assert.Empty(plan.Value);
    }

    [Fact]
    public void The_diff_between_two_versions_lists_each_entity_with_before_and_after()
    {
        var before = Given.ControlPlaneWithOneService();
        var after = Given.Apply(before, new DeleteRoute(Given.Route("r1").Id), new CreateService(Given.Service("svc2")),
            new UpdateService(before.Find<Service>(Given.Service().Id)! with { Port = 8080 }));

        var diff = ConfigDiff.Between(before, after);

        Assert.Equal([ChangeKind.Created, ChangeKind.Updated, ChangeKind.Deleted], diff.OrderBy(c => c.Change).Select(c => c.Change).ToArray());
        Assert.Equal(ChangeKind.Deleted, diff[0].Change);
        var update = diff.Single(c => c.Change == ChangeKind.Updated);
        Assert.Equal((80, 8080), (((Service)update.Before!).Port, ((Service)update.After!).Port));
        Assert.Empty(ConfigDiff.Between(after, after));
    }
}
