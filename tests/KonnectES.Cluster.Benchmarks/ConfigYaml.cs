using System.Globalization;
using System.Text;

namespace KonnectES.Cluster.Benchmarks;

/// <summary>Declarative configs of a given size: one fifth services, the rest routes under them.</summary>
internal static class ConfigYaml
{
    public static string Generate(int entities, string prefix)
    {
        var services = Math.Max(1, entities / 5);
        var routesPerService = (entities - services) / services;
        var yaml = new StringBuilder("_format_version: \"3.0\"\nservices:\n");
        for (var s = 0; s < services; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"- name: {prefix}-svc-{s}\n  host: {prefix}-svc-{s}.internal\n  port: 8080\n  tags: [bench, group-{s % 10}]\n  routes:\n");
            for (var r = 0; r < routesPerService; r++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - name: {prefix}-route-{s}-{r}\n    paths: [/{prefix}/{s}/{r}]\n    methods: [GET, POST]\n");
            }
        }

        return yaml.ToString();
    }
}
