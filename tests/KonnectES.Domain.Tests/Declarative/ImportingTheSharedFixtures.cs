namespace KonnectES.Domain.Tests.Declarative;

public sealed class ImportingTheSharedFixtures
{
    public static TheoryData<string> Accepted => new()
    {
        "deck-convert-28x-routes.yaml",
        "deck-convert-34x-expected-routes.yaml",
        "deck-dump-entities-with-tags.yaml",
        "kic-httproute-expressions.yaml",
        "kic-httproute-traditional.yaml",
        "kic-plugin-instance-name.yaml",
        "kic-upstreampolicy-ingress.yaml",
        "kong-spec-burst.yml",
    };

    /// <summary>Files an OSS Kong (the plugin and protocol set our data plane supports) rejects, and where.</summary>
    public static TheoryData<string, string, string> Rejected => new()
    {
        { "supabase-kong.yml", "services[6].protocol", "expected one of" },
        { "kongair-prd-kong.yaml", "plugins[0].name", "plugin 'acme' not enabled" },
        { "gdr-consumer-groups-scoped-plugins.yaml", "consumer_groups[0].plugins[0].name", "plugin 'rate-limiting-advanced' not enabled" },
    };

    [Fact]
    public void Every_fixture_is_classified_as_accepted_or_rejected()
    {
        var classified = ((IEnumerable<object[]>)Accepted).Select(r => (string)r[0]).Concat(((IEnumerable<object[]>)Rejected).Select(r => (string)r[0])).Order().ToList();
        var files = SharedFixtures.Files.Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(files, classified);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void An_accepted_fixture_imports_into_an_empty_control_plane(string file)
    {
        var state = Given.EmptyControlPlane();

        var events = Given.Events(state, new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace));

        var imported = Assert.IsType<ConfigImported>(Assert.Single(events));
        Assert.NotEmpty(imported.Changes);
        Assert.All(imported.Changes, c => Assert.Equal(ChangeKind.Created, c.Change));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Importing_the_same_fixture_twice_changes_nothing(string file)
    {
        var command = new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace);
        var state = Given.Apply(Given.EmptyControlPlane(), command);

        Assert.Empty(Given.Events(state, command));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void An_export_re_imported_as_a_dry_run_gives_an_empty_diff(string file)
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace));

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

    [Theory]
    [MemberData(nameof(Rejected))]
    public void A_fixture_kong_rejects_is_rejected_with_the_place_of_the_error(string file, string path, string message)
    {
        var errors = Given.Errors(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace));

        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
