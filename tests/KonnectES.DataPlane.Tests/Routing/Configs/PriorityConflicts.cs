namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>Pairs of routes that both match a request, each pair decided by one key of Kong's priority order.</summary>
internal static class PriorityConflicts
{
    public const string Yaml = """
        _format_version: "3.0"
        services:
        - name: prio-svc
          host: backend.internal
          port: 80
          routes:
          - name: p-regex
            paths: ['~/p/items/\d+$']
          - name: p-long-prefix
            paths: [/p/items/1]
          - name: p-host-wild
            hosts: ['*.prio.test']
            paths: [/p/w]
          - name: p-method
            methods: [GET]
            paths: [/p/w/longer]
          - name: p-rp-low
            paths: ['~/p/rp/.*']
            regex_priority: 1
          - name: p-rp-high
            paths: ['~/p/rp/x.*']
            regex_priority: 10
          - name: p-prefix-rp
            paths: [/p/q/abc]
            regex_priority: 100
          - name: p-prefix-longer
            paths: [/p/q/abcd]
          - name: p-two-headers
            headers:
              x-a: ['1']
              x-b: ['1']
            paths: [/p/h]
          - name: p-header-regex
            headers:
              x-a: ['1']
            paths: ['~/p/h.*']
          - name: p-tie-1
            id: 11111111-1111-4111-8111-111111111111
            paths: [/p/tie]
          - name: p-tie-9
            id: 99999999-9999-4999-8999-999999999999
            paths: [/p/tie]
          - name: p-three
            methods: [GET]
            hosts: [three.test]
            paths: [/p/3]
          - name: p-two
            hosts: [three.test]
            paths: [/p/3/deeper]
        """;
}
