using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.GraphQL.Tests.Http;

public sealed class PassingTheGraphQLOverHttpAudit
{
    [Fact]
    public async Task The_graphql_http_audit_passes_all_61_audits_with_no_warnings()
    {
        await using var server = await TestServer.StartAsync();
        var tool = await CopyAuditToolAsync();

        var (exitCode, output) = await Node.RunAsync("bash", [Path.Combine(tool, "run.sh"), server.Url], tool, null, TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, output);
        Assert.Contains("warnings (not failures): 0 SHOULD, 0 MAY", output, StringComparison.Ordinal);
        Assert.Contains("61 passed, 0 failed", output, StringComparison.Ordinal);
    }

    /// <summary>The shared tool installs into its own folder, which is read-only in CI: run a copy.</summary>
    private static async Task<string> CopyAuditToolAsync()
    {
        var shared = Path.GetFullPath(Path.Combine(Node.RepositoryRoot, "..", "shared", "tools", "graphql-audit"));
        Assert.True(Directory.Exists(shared), "audit tool not found at " + shared);
        var lockText = await File.ReadAllTextAsync(Path.Combine(shared, "package-lock.json"));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lockText)))[..12];
        var target = Path.Combine(Path.GetTempPath(), "konnectes-graphql-audit-" + hash);
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "audit.mjs", "package.json", "package-lock.json", "run.sh" })
        {
            File.Copy(Path.Combine(shared, file), Path.Combine(target, file), overwrite: true);
        }

        return target;
    }
}
