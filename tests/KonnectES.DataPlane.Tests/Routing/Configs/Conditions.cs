namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>Routes told apart by methods, headers (exact and <c>~*</c> regex values) and SNIs, each with a fallback.</summary>
internal static class Conditions
{
    public const string Yaml = """
        _format_version: "3.0"
        services:
        - name: cond-svc
          host: backend.internal
          port: 80
          routes:
          - name: m-get
            methods: [GET, HEAD]
            paths: [/m]
          - name: m-any
            paths: [/m]
          - name: hd-exact
            headers:
              x-tenant: [acme, globex]
            paths: [/h]
          - name: hd-regex
            headers:
              x-version: ['~*^V\d+$']
            paths: [/h]
          - name: hd-two
            headers:
              x-tenant: [acme]
              x-region: [eu]
            paths: [/h]
          - name: h-any
            paths: [/h]
          - name: sni-route
            protocols: [https]
            snis: [secure.example.com]
            paths: [/s]
          - name: s-any
            paths: [/s]
        """;
}
