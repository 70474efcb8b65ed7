namespace KonnectES.Domain.Tests.Declarative;

public sealed class ImportingTheSharedFixtures
{
    /// <summary>Every file in the shared folder: Konnect (Kong Enterprise) accepts them all, and so do we.</summary>
    public static TheoryData<string> Accepted => new(SharedFixtures.Files.Select(f => Path.GetFileName(f)));

    [Fact]
    public void The_fixture_folder_holds_the_eleven_known_files()
    {
        Assert.Equal(11, Accepted.Count);
        Assert.Contains(SharedFixtures.Files, f => f.EndsWith("kongair-prd-kong.yaml", StringComparison.Ordinal));
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
    [MemberData(nameof(Accepted))]
    public void A_fixture_exported_as_json_imports_into_an_empty_control_plane_with_the_same_hash(string file)
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read(file), ConfigFormat.Yaml, ImportMode.Replace));
        var json = DeclarativeConfig.Export(state, ConfigFormat.Json, includeSecrets: true);

        var fromJson = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(json, ConfigFormat.Json, ImportMode.Replace));

        Assert.Equal(state.Hash, fromJson.Hash);
        Assert.Equal(state.Entities.Count(), fromJson.Entities.Count());
    }
}
