using System.Text.Json;
using KonnectES.DataPlane.Balancing;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Tests.Balancing;

/// <summary>Snapshots built the way the product builds them: a Kong declarative file imported into a control plane, then projected.</summary>
internal static class Snapshots
{
    /// <summary>One control plane for every snapshot, so that the same file gives the same entity ids.</summary>
    private static readonly Guid ControlPlaneId = Guid.Parse("6f1c2a7e-0b7d-4c1e-9a55-2d7f1e3b9c01");

    public static JsonElement FromYaml(string yaml)
    {
        var state = DeclarativeConfig.Load(ControlPlaneConfig.Empty(ControlPlaneId), yaml, ConfigFormat.Yaml, ImportMode.Replace);
        Assert.True(state.IsSuccess, string.Join("; ", state.Errors));
        return JsonDocument.Parse(SnapshotDocument.Create(state.Value).ToJsonString()).RootElement.Clone();
    }

    public static JsonElement FromFixture(string name) => FromYaml(File.ReadAllText(Path.Combine(FixturesDirectory(), name)));

    public static UpstreamSet Compile(string yaml, UpstreamSet? previous = null, BalancingOptions? options = null) =>
        UpstreamSet.Compile(FromYaml(yaml), previous, options);

    /// <summary>The only upstream's balancer of <paramref name="yaml"/>.</summary>
    public static Balancer Balancer(string yaml, UpstreamSet? previous = null) => Compile(yaml, previous).Balancers.Single();

    /// <summary>A file with one upstream <c>up</c>: <paramref name="upstream"/> holds its extra fields, <paramref name="targets"/> its targets.</summary>
    public static string Upstream(string upstream, params (string Target, int Weight)[] targets)
    {
        var lines = new List<string> { "_format_version: \"3.0\"", "upstreams:", "- name: up" };
        lines.AddRange(upstream.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
        if (targets.Length > 0)
        {
            lines.Add("  targets:");
            lines.AddRange(targets.Select(t => $"  - target: \"{t.Target}\"\n    weight: {t.Weight}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string FixturesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "kong");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "/work/shared/fixtures/kong";
    }
}
