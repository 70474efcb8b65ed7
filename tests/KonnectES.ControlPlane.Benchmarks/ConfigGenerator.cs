using System.Text;

namespace KonnectES.ControlPlane.Benchmarks;

/// <summary>Declarative configs of a given size: services with routes under them (one fifth services, the rest routes).</summary>
internal static class ConfigGenerator
{
    public static string Yaml(int entities, string prefix)
    {
        var services = Math.Max(1, entities / 5);
        var routesPerService = (entities - services) / services;
        var yaml = new StringBuilder("_format_version: \"3.0\"\nservices:\n");
        for (var s = 0; s < services; s++)
        {
            yaml.Append($"- name: {prefix}-svc-{s}\n  host: {prefix}-svc-{s}.internal\n  port: 8080\n  tags: [bench, group-{s % 10}]\n  routes:\n");
            for (var r = 0; r < routesPerService; r++)
            {
                yaml.Append($"  - name: {prefix}-route-{s}-{r}\n    paths: [/{prefix}/{s}/{r}]\n    methods: [GET, POST]\n");
            }
        }

        return yaml.ToString();
    }
}
