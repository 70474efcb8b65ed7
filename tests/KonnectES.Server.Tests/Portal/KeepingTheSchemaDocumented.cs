using KonnectES.ControlPlane.Portal;

namespace KonnectES.Server.Tests.Portal;

public sealed class KeepingTheSchemaDocumented
{
    [Fact]
    public void Docs_schema_graphql_is_the_served_schema_and_holds_every_name_of_the_contract()
    {
        var root = Root();
        var path = Path.Combine(root, "docs", "schema.graphql");
        var printed = PortalSchema.Build().ToSdl();
        if (Environment.GetEnvironmentVariable("KONNECTES_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == printed,
            "docs/schema.graphql differs from the served schema: regenerate it with " +
            "KONNECTES_UPDATE_SCHEMA=1 dotnet test tests/KonnectES.Server.Tests --filter KeepingTheSchemaDocumented");

        // every type and field name of the shared contract is served
        var contract = Path.Combine(root, "..", "shared", "design", "portal-api.graphql");
        if (File.Exists(contract))
        {
            var names = System.Text.RegularExpressions.Regex.Matches(
                string.Join('\n', File.ReadAllLines(contract).Select(l => l.Split('#')[0])), @"^\s*(?:type|input|enum|interface|scalar)\s+(\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.NotEmpty(names);
            Assert.All(names, m => Assert.Matches($@"(type|input|enum|interface|scalar) {m.Groups[1].Value}\b", printed));
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KonnectES.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KonnectES.sln not found above the test binaries");
    }
}
