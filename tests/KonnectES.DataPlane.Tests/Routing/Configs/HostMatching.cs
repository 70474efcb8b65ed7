namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>Routes told apart by host only: exact, wildcard suffix and prefix, with port, several hosts.</summary>
internal static class HostMatching
{
    public const string Yaml = """
        _format_version: "3.0"
        services:
        - name: hosts-svc
          host: backend.internal
          port: 80
          routes:
          - name: h-exact
            hosts: [api.example.com]
          - name: h-suffix
            hosts: ['*.example.com']
          - name: h-prefix
            hosts: ['example.*']
          - name: h-port
            hosts: ['ports.example.org:8443']
          - name: h-multi
            hosts: [a.test, b.test]
        """;
}
