using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using KonnectES.GraphQL.Tests.Support;

namespace KonnectES.Server.Tests.Portal;

public sealed class PassingTheAuditOverRealHttp(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Introspection = """
        query { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { ...T } directives { name description isRepeatable locations args { ...V } } } }
        fragment T on __Type { kind name description specifiedByURL
          fields(includeDeprecated: true) { name description args { ...V } type { ...R } isDeprecated deprecationReason }
          inputFields { ...V } interfaces { ...R } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...R } }
        fragment V on __InputValue { name description type { ...R } defaultValue }
        fragment R on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
        """;

    [Fact]
    public async Task The_running_server_passes_the_graphql_http_audit_and_graphql_js_builds_a_client_schema_from_its_introspection()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", url])
        {
            Environment = { ["ConnectionStrings__EventStore"] = database.ConnectionString, ["KONNECTES_ADMIN_TOKEN"] = PortalHost.AdminToken },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitHealthyAsync(http);

            var tool = CopyAuditTool();
            var (exit, output) = await Node.RunAsync("bash",
                [Path.Combine(tool, "run.sh"), url + "/graphql", "--header", "Authorization: Bearer " + PortalHost.AdminToken], tool, null, TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, output);
            Assert.Contains("61 passed, 0 failed", output, StringComparison.Ordinal);

            var introspection = await new PortalClient(http, PortalHost.AdminToken).DataAsync(Introspection);
            var stdin = JsonSerializer.Serialize(new { schema = ControlPlane.Portal.PortalSchema.Build().ToSdl(), introspection });
            var (code, printed) = await Node.ScriptAsync("introspection.mjs", [], stdin);
            Assert.True(code == 0, printed);
            using var result = JsonDocument.Parse(printed);
            Assert.Contains("createControlPlane(input: CreateControlPlaneInput!): ControlPlanePayload!", result.RootElement.GetProperty("printed").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail("the server did not become healthy within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CopyAuditTool()
    {
        var shared = Path.GetFullPath(Path.Combine(Node.RepositoryRoot, "..", "shared", "tools", "graphql-audit"));
        var target = Path.Combine(Path.GetTempPath(), "konnectes-portal-graphql-audit");
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "audit.mjs", "package.json", "package-lock.json", "run.sh" })
        {
            File.Copy(Path.Combine(shared, file), Path.Combine(target, file), overwrite: true);
        }

        return target;
    }
}
