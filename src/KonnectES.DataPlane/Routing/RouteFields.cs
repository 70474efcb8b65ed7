using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The fields of a route object the router reads, found in one pass over its members (a route has a score of them;
/// looking each up by name scans them all again). An absent field is a default <see cref="JsonElement"/>; a field given
/// twice reads as its last occurrence, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> reads it.
/// </summary>
internal readonly struct RouteFields
{
    public JsonElement Id { get; private init; }

    public JsonElement Name { get; private init; }

    public JsonElement Service { get; private init; }

    public JsonElement Protocols { get; private init; }

    public JsonElement Methods { get; private init; }

    public JsonElement Hosts { get; private init; }

    public JsonElement Snis { get; private init; }

    public JsonElement Paths { get; private init; }

    public JsonElement Headers { get; private init; }

    public JsonElement Expression { get; private init; }

    public JsonElement StripPath { get; private init; }

    public JsonElement PreserveHost { get; private init; }

    public JsonElement PathHandling { get; private init; }

    public JsonElement RequestBuffering { get; private init; }

    public JsonElement ResponseBuffering { get; private init; }

    public JsonElement HttpsRedirectStatusCode { get; private init; }

    public JsonElement RegexPriority { get; private init; }

    public JsonElement Tags { get; private init; }

    /// <summary>Reads the fields of <paramref name="route"/> (none when it is not an object).</summary>
    public static RouteFields Read(JsonElement route)
    {
        var fields = default(RouteFields);
        if (route.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in route.EnumerateObject())
        {
            var value = property.Value;
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);

            // A name written with escapes (\u0069d) is compared unescaped, as a lookup by name would.
            ReadOnlySpan<byte> name = raw.IndexOf((byte)'\\') < 0 ? raw : Encoding.UTF8.GetBytes(property.Name);
            fields = name switch
            {
                var n when n.SequenceEqual("id"u8) => fields with { Id = value },
                var n when n.SequenceEqual("name"u8) => fields with { Name = value },
                var n when n.SequenceEqual("service"u8) => fields with { Service = value },
                var n when n.SequenceEqual("protocols"u8) => fields with { Protocols = value },
                var n when n.SequenceEqual("methods"u8) => fields with { Methods = value },
                var n when n.SequenceEqual("hosts"u8) => fields with { Hosts = value },
                var n when n.SequenceEqual("snis"u8) => fields with { Snis = value },
                var n when n.SequenceEqual("paths"u8) => fields with { Paths = value },
                var n when n.SequenceEqual("headers"u8) => fields with { Headers = value },
                var n when n.SequenceEqual("expression"u8) => fields with { Expression = value },
                var n when n.SequenceEqual("strip_path"u8) => fields with { StripPath = value },
                var n when n.SequenceEqual("preserve_host"u8) => fields with { PreserveHost = value },
                var n when n.SequenceEqual("path_handling"u8) => fields with { PathHandling = value },
                var n when n.SequenceEqual("request_buffering"u8) => fields with { RequestBuffering = value },
                var n when n.SequenceEqual("response_buffering"u8) => fields with { ResponseBuffering = value },
                var n when n.SequenceEqual("https_redirect_status_code"u8) => fields with { HttpsRedirectStatusCode = value },
                var n when n.SequenceEqual("regex_priority"u8) => fields with { RegexPriority = value },
                var n when n.SequenceEqual("tags"u8) => fields with { Tags = value },
                _ => fields,
            };
        }

        return fields;
    }
}
