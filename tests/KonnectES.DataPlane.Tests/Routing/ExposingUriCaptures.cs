using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Regex captures as Kong exposes them (<c>ngx.ctx.router_matches.uri_captures</c>): index 0 the whole match, then
/// groups numbered in order of appearance whether named or not, plus the named ones by name; only when the regex has groups.
/// </summary>
public sealed class ExposingUriCaptures
{
    private const string Yaml = """
        _format_version: "3.0"
        services:
        - name: cap
          host: backend.internal
          routes:
          - name: mixed
            paths: ['~/c/(\w+)/(?<n>\d+)/(\w+)$']
          - name: optional
            paths: ['~/o/(?<a>x)?(?<b>y)$']
          - name: plain
            paths: ['~/plain/\d+$']
          - name: prefix
            paths: [/prefix]
        """;

    private static readonly RouteTable Table = KongSnapshots.CompileYaml(Yaml);

    [Fact]
    public void Named_groups_are_numbered_in_order_of_appearance_like_unnamed_ones()
    {
        var captures = Capture("GET http://gw.test/c/alpha/42/omega");

        Assert.Equal<string?>(["/c/alpha/42/omega", "alpha", "42", "omega"], captures!.Positional.AsEnumerable());
        Assert.Equal("42", Assert.Single(captures.Named, p => p.Key == "n").Value);
    }

    [Fact]
    public void A_group_that_did_not_take_part_is_null_and_absent_by_name()
    {
        var captures = Capture("GET http://gw.test/o/y");

        Assert.Equal<string?>(["/o/y", null, "y"], captures!.Positional.AsEnumerable());
        Assert.Equal(["b"], captures.Named.Keys);
    }

    [Fact]
    public void The_worked_example_exposes_the_user_id()
    {
        var match = KongSnapshots.CompileYaml(WorkedExample.Yaml).Match(RequestLine.Parse("GET http://gw.test/users/42"));

        Assert.Equal("42", match!.UriCaptures!.Named["id"]);
        Assert.Equal("/users/42", match.MatchedPath);
    }

    [Theory]
    [InlineData("GET http://gw.test/plain/7")]
    [InlineData("GET http://gw.test/prefix/7")]
    public void A_regex_without_groups_or_a_prefix_path_exposes_no_captures(string request)
    {
        var match = Table.Match(RequestLine.Parse(request));

        Assert.NotNull(match);
        Assert.Null(match.UriCaptures);
    }

    private static UriCaptures? Capture(string request) => Table.Match(RequestLine.Parse(request))?.UriCaptures;
}
