using System.Text;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The indexes (by host, host wildcard, path start) only narrow the candidates: on generated configurations full of
/// overlaps, the indexed lookup picks the same route as trying every route in rank order.
/// </summary>
public sealed class IndexingRoutes
{
    private static readonly string[] Hosts = ["a.test", "b.a.test", "*.a.test", "a.*", "c.test:8443", "*.c.test"];
    private static readonly string[] Paths = ["/", "/x", "/x/y", "/xy", "~/x/\\d+$", "~/x", "~/(x|y)/z", "~/(?i)X", "/y/"];
    private static readonly string[] Methods = ["GET", "POST"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_indexed_lookup_agrees_with_a_scan_in_rank_order(int seed)
    {
        var random = new Random(seed);
        var table = KongSnapshots.CompileYaml(Config(random, routes: 80));
        var hosts = new[] { "a.test", "b.a.test", "x.b.a.test", "a.org", "c.test:8443", "c.test", "d.c.test", "-" };
        var paths = new[] { "/", "/x", "/x/1", "/x/y/z", "/xy", "/y/z", "/X/q", "/z", "/y/" };

        Assert.Empty(table.Errors);
        var compared = 0;
        foreach (var host in hosts)
        {
            foreach (var path in paths)
            {
                foreach (var method in Methods)
                {
                    var request = RequestLine.Parse($"{method} http://{host}{path}; X-T: {(compared % 2 == 0 ? "on" : "off")}");
                    Assert.Equal(table.MatchByScan(request)?.Route.Id, table.Match(request)?.Route.Id);
                    compared++;
                }
            }
        }

        Assert.Equal(hosts.Length * paths.Length * Methods.Length, compared);
    }

    private static string Config(Random random, int routes)
    {
        var yaml = new StringBuilder("_format_version: \"3.0\"\nservices:\n- name: svc\n  host: backend.internal\n  routes:\n");
        for (var i = 0; i < routes; i++)
        {
            yaml.Append($"  - name: r{i}\n");
            var any = false;
            if (random.Next(3) == 0)
            {
                yaml.Append($"    hosts: ['{Hosts[random.Next(Hosts.Length)]}']\n");
                any = true;
            }

            if (random.Next(4) > 0)
            {
                var first = Paths[random.Next(Paths.Length)];
                var second = Paths[random.Next(Paths.Length)];
                yaml.Append($"    paths: ['{first}'{(second != first && random.Next(3) == 0 ? $", '{second}'" : "")}]\n");
                any = true;
            }

            if (random.Next(4) == 0)
            {
                yaml.Append($"    methods: [{Methods[random.Next(Methods.Length)]}]\n");
                any = true;
            }

            if (random.Next(5) == 0 || !any)
            {
                yaml.Append("    headers:\n      x-t: ['on']\n");
            }

            if (random.Next(4) == 0)
            {
                yaml.Append($"    regex_priority: {random.Next(3)}\n");
            }
        }

        return yaml.ToString();
    }
}
