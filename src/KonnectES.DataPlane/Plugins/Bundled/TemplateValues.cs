using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// request-transformer's value templates: <c>$(headers.name)</c>, <c>$(headers["name"])</c>,
/// <c>$(query_params.name)</c>, <c>$(uri_captures.name)</c>, read from the request as it arrived; a missing value
/// renders empty. <c>\$</c> escapes a literal dollar.
/// </summary>
internal sealed partial class TemplateValues(PluginContext context)
{
    private readonly Dictionary<string, string> _headers = context.Http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _query = context.Http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    public string Render(string value)
    {
        if (!value.Contains("$(", StringComparison.Ordinal))
        {
            return value;
        }

        var rendered = Template().Replace(value, m =>
        {
            if (m.Groups["escaped"].Success)
            {
                return m.Value[1..];
            }

            var name = m.Groups["name"].Value;
            return m.Groups["source"].Value switch
            {
                "headers" => _headers.GetValueOrDefault(name) ?? "",
                "query_params" => _query.GetValueOrDefault(name) ?? "",
                _ => context.Request.UriCaptures.GetValueOrDefault(name) ?? "",
            };
        });
        return rendered;
    }

    [GeneratedRegex("""(?<escaped>\\\$\([^)]*\))|\$\(\s*(?<source>headers|query_params|uri_captures)(?:\.(?<name>[A-Za-z0-9_-]+)|\[\s*["'](?<name>[^"']+)["']\s*\])\s*\)""")]
    private static partial Regex Template();
}
