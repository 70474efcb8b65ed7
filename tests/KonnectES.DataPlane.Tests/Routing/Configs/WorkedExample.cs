namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>The configuration of the reference's worked examples (kong-gateway-model.md §3.7), as a Kong declarative file.</summary>
internal static class WorkedExample
{
    public const string Yaml = """
        _format_version: "3.0"
        upstreams:
        - name: billing.upstream
          targets:
          - target: 10.0.0.5:8080
        services:
        - name: S1
          protocol: http
          host: users.internal
          port: 8080
          path: /api
          routes:
          - name: R01
            paths: [/users]
          - name: R02
            paths: [/users/admin]
            methods: [POST]
            strip_path: false
          - name: R03
            paths: ['~/users/(?<id>\d+)$']
            strip_path: false
          - name: R10
            paths: ['~/v1/status$']
            regex_priority: 5
          - name: R11
            paths: [/secure]
            protocols: [https]
            https_redirect_status_code: 301
        - name: S2
          protocol: http
          host: orders.internal
          port: 80
          routes:
          - name: R04
            hosts: [api.example.com]
            paths: [/orders]
            preserve_host: true
          - name: R09
            paths: ['~/v\d+/status$']
          - name: R16
            paths: [/a/b]
        - name: S3
          protocol: http
          host: legacy.internal
          port: 9000
          path: /v0/
          routes:
          - name: R05
            hosts: ['*.example.com']
            paths: [/orders]
          - name: R06
            headers:
              x-version: [v2]
            paths: [/orders]
          - name: R08
            paths: [/legacy]
            strip_path: false
        - name: S4
          protocol: http
          host: web.internal
          port: 80
          routes:
          - name: R07
            hosts: [www.example.com]
            paths: [/]
          - name: R14
            paths: [/foo]
          - name: R15
            paths: [/a, /a/b/c]
        - name: S5
          protocol: http
          host: billing.upstream
          port: 80
          path: /billing
          routes:
          - name: R13
            paths: [/billing]
        routes:
        - name: R12
          paths: [/maintenance]
        """;

    /// <summary>The same plus the reference's pitfall route R99 <c>{methods: [GET], paths: ["/"]}</c>.</summary>
    public static string WithPitfallRoute => Yaml + """

        - name: R99
          methods: [GET]
          paths: [/]
        """;
}
