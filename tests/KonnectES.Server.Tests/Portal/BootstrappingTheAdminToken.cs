using System.Text.RegularExpressions;

namespace KonnectES.Server.Tests.Portal;

public sealed partial class BootstrappingTheAdminToken(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Without_a_configured_token_the_first_start_prints_one_once_and_later_starts_keep_it()
    {
        // Given a fresh database and no KONNECTES_ADMIN_TOKEN
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__EventStore"] = database.ConnectionString,
            ["KONNECTES_ADMIN_TOKEN"] = null,
        };

        // When the server starts the first time
        string token;
        await using (var first = await ServerProcess.StartAsync(environment))
        {
            // Then it prints one generated token, which is the admin
            var printed = first.Output.Select(l => TokenLine().Match(l)).Where(m => m.Success).ToList();
            Assert.Single(printed);
            token = printed[0].Groups["token"].Value;
            Assert.StartsWith("kes_", token, StringComparison.Ordinal);
            using var http = first.Client();
            var me = await new PortalClient(http, token).DataAsync("{ me { name roles { role } } }");
            Assert.Equal(("admin", "ADMIN"), (me.Str("me.name"), me.Str("me.roles.0.role")));
        }

        // When it starts again on the same database
        await using var second = await ServerProcess.StartAsync(environment);

        // Then it prints no token, and the first one still works
        Assert.DoesNotContain(second.Output, l => TokenLine().IsMatch(l) || l.Contains("kes_", StringComparison.Ordinal));
        Assert.DoesNotContain(token, string.Join('\n', second.Output), StringComparison.Ordinal);
        using var again = second.Client();
        var client = new PortalClient(again, token);
        var created = await client.OkAsync("createControlPlane", "mutation { createControlPlane(input: {name: \"after-restart\"}) { controlPlane { id } errors { code } } }");
        Assert.NotNull(created.Str("controlPlane.id"));
        Assert.Equal("UNAUTHENTICATED", (await client.As("kes_guessed").PostAsync("{ me { name } }")).Str("errors.0.extensions.code"));
    }

    [GeneratedRegex(@"bootstrap admin token.*:\s*(?<token>kes_[A-Za-z0-9_-]+)\s*$")]
    private static partial Regex TokenLine();
}
