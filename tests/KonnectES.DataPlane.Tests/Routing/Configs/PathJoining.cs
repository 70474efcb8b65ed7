namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The strip_path × path_handling × service.path grid of Kong's route documentation: service path <c>/s</c>
/// behind host noslash.test and <c>/s/</c> behind slash.test, one route per (strip_path, path_handling, trailing slash).
/// </summary>
internal static class PathJoining
{
    public static string Yaml { get; } = "_format_version: \"3.0\"\nservices:\n" + Service("noslash", "/s") + Service("slash", "/s/");

    private static string Service(string name, string path)
    {
        var routes = string.Concat(
            from strip in new[] { "f", "t" }
            from handling in new[] { "v0", "v1" }
            from dir in new[] { "", "/" }
            select $"""
              - name: {name}-{strip}{handling}{(dir == "/" ? "-dir" : "")}
                hosts: [{name}.test]
                paths: [/{strip}{handling}{dir}]
                strip_path: {(strip == "t" ? "true" : "false")}
                path_handling: {handling}

            """);
        return $"""
            - name: {name}
              host: backend.internal
              port: 80
              path: {path}
              routes:

            """ + routes;
    }
}
