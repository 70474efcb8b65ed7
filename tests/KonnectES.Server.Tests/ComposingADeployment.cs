using YamlDotNet.RepresentationModel;

namespace KonnectES.Server.Tests;

/// <summary>docker-compose.yml cannot run here (no Docker engine); these checks keep it consistent with the server.</summary>
public sealed class ComposingADeployment
{
    private static readonly YamlMappingNode Services = Load();

    [Fact]
    public void It_runs_postgres_two_control_planes_two_data_planes_and_an_echo_upstream()
    {
        Assert.Equal(
            ["control-plane-1", "control-plane-2", "data-plane-1", "data-plane-2", "echo", "postgres"],
            Services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.All(["control-plane-1", "control-plane-2"], name => Assert.Equal("control-plane", Command(name)));
        Assert.All(["data-plane-1", "data-plane-2"], name => Assert.Equal("data-plane", Command(name)));
    }

    [Fact]
    public void Data_planes_reach_a_control_plane_only_on_its_cluster_port_with_the_token_the_control_planes_register()
    {
        foreach (var (dataPlane, controlPlane) in new[] { ("data-plane-1", "control-plane-1"), ("data-plane-2", "control-plane-2") })
        {
            var environment = Environment(dataPlane);
            Assert.Equal($"http://{controlPlane}:8005", environment["KONNECTES_CLUSTER_URL"]);
            Assert.Equal(Environment(controlPlane)["KONNECTES_DP_TOKEN"], environment["KONNECTES_DP_TOKEN"]);
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("ConnectionStrings", StringComparison.Ordinal));
        }

        Assert.Equal(Environment("control-plane-1")["ConnectionStrings__EventStore"], Environment("control-plane-2")["ConnectionStrings__EventStore"]);
    }

    [Fact]
    public void Every_setting_it_uses_is_one_the_readme_documents()
    {
        var readme = File.ReadAllText(Path.Combine(LibrarySources.RepositoryRoot, "README.md"));
        var names = Services.Children.Keys.Select(k => k.ToString()).Where(n => n != "postgres" && n != "echo").SelectMany(n => Environment(n).Keys).Distinct();

        Assert.All(names.Where(n => n.StartsWith("KONNECTES_", StringComparison.Ordinal) || n.StartsWith("ConnectionStrings", StringComparison.Ordinal)),
            name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }

    private static string Command(string service) =>
        ((YamlSequenceNode)((YamlMappingNode)Services.Children[service]).Children["command"]).Children.Single().ToString();

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)((YamlMappingNode)Services.Children[service]).Children["environment"]).Children
            .ToDictionary(e => e.Key.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(LibrarySources.RepositoryRoot, "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["services"];
    }
}
