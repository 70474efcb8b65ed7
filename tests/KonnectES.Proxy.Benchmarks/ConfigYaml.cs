using System.Globalization;
using System.Text;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>The Kong declarative configurations the data plane is measured with.</summary>
internal static class ConfigYaml
{
    public const string PlainPath = "/plain";
    public const string AuthPath = "/auth";
    public const string ApiKey = "bench-consumer-key";

    /// <summary>
    /// One service to the upstream with two routes: <c>/plain</c> without plugins, <c>/auth</c> with key-auth and a
    /// rate limit far above anything this machine can send; a consumer with a key.
    /// </summary>
    public static string Bench(int upstreamPort) => Bench(upstreamPort, 0);

    /// <summary>
    /// The bench configuration plus <paramref name="extraRoutes"/> routes written as tersely as Kong allows (unnamed
    /// routes with one path, 100 per service), so that 10,000 of them fit the portal's 256 KiB request limit.
    /// </summary>
    public static string Bench(int upstreamPort, int extraRoutes)
    {
        var yaml = new StringBuilder($$"""
            _format_version: "3.0"
            consumers:
            - username: bench
              keyauth_credentials:
              - key: {{ApiKey}}
            services:
            - name: bench
              url: http://127.0.0.1:{{upstreamPort.ToString(CultureInfo.InvariantCulture)}}/
              routes:
              - name: bench-plain
                paths: [{{PlainPath}}]
              - name: bench-auth
                paths: [{{AuthPath}}]
                plugins:
                - name: key-auth
                  config:
                    key_names: [apikey]
                - name: rate-limiting
                  config:
                    second: 1000000000
                    policy: local

            """);
        const int RoutesPerService = 100;
        for (var r = 0; r < extraRoutes; r++)
        {
            if (r % RoutesPerService == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"- host: s{r / RoutesPerService}.internal\n  routes:\n");
            }

            yaml.Append(CultureInfo.InvariantCulture, $"  - paths: [/{r}]\n");
        }

        return yaml.ToString();
    }

    /// <summary><paramref name="routes"/> routes over services of five routes each, nothing else.</summary>
    public static string Routes(int routes)
    {
        var yaml = new StringBuilder("_format_version: \"3.0\"\nservices:\n");
        AppendRoutes(yaml, routes);
        return yaml.ToString();
    }

    private static void AppendRoutes(StringBuilder yaml, int routes)
    {
        const int RoutesPerService = 5;
        for (var s = 0; s * RoutesPerService < routes; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"- name: svc-{s}\n  url: http://svc-{s}.internal:8080/\n  routes:\n");
            for (var r = 0; r < RoutesPerService && s * RoutesPerService + r < routes; r++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - name: route-{s}-{r}\n    paths: [/svc/{s}/{r}]\n    methods: [GET, POST]\n");
            }
        }
    }
}
