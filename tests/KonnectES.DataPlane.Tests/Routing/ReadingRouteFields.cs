using System.Text.Json;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>The router reads a route's fields in one pass, exactly as looking each up by name would.</summary>
public sealed class ReadingRouteFields
{
    [Fact]
    public void Every_field_reads_as_a_lookup_by_name_reads_it()
    {
        var route = JsonSerializer.Deserialize<JsonElement>("""
            {"id":"r1","name":"n","service":{"id":"s1"},"protocols":["http"],"methods":["GET"],"hosts":["a.test"],"snis":["b.test"],
             "paths":["/p"],"headers":{"x":["1"]},"expression":"e","strip_path":false,"preserve_host":true,"path_handling":"v1",
             "request_buffering":false,"response_buffering":false,"https_redirect_status_code":301,"regex_priority":7,"tags":["t"],"other":1}
            """);

        var fields = RouteFields.Read(route);

        Assert.Equal(
            ["r1", "n", """{"id":"s1"}""", """["http"]""", """["GET"]""", """["a.test"]""", """["b.test"]""", """["/p"]""", """{"x":["1"]}""", "e",
             "false", "true", "v1", "false", "false", "301", "7", """["t"]"""],
            new[]
            {
                fields.Id, fields.Name, fields.Service, fields.Protocols, fields.Methods, fields.Hosts, fields.Snis, fields.Paths, fields.Headers,
                fields.Expression, fields.StripPath, fields.PreserveHost, fields.PathHandling, fields.RequestBuffering, fields.ResponseBuffering,
                fields.HttpsRedirectStatusCode, fields.RegexPriority, fields.Tags,
            }.Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() : f.GetRawText()));
    }

    [Fact]
    public void An_escaped_name_is_read_unescaped_and_a_repeated_field_reads_as_its_last_occurrence()
    {
        var route = JsonSerializer.Deserialize<JsonElement>("""{"\u0069d":"escaped","paths":["/first"],"paths":["/last"]}""");

        var fields = RouteFields.Read(route);

        Assert.Equal(route.GetProperty("id").GetString(), fields.Id.GetString());
        Assert.Equal(route.GetProperty("paths").GetRawText(), fields.Paths.GetRawText());
        Assert.Equal("""["/last"]""", fields.Paths.GetRawText());
        Assert.Equal(JsonValueKind.Undefined, fields.Hosts.ValueKind);
    }
}
