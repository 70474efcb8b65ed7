using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Request bodies as Kong's <c>kong.request.get_body()</c> sees them: a JSON object or an
/// application/x-www-form-urlencoded form, read into a <see cref="JsonObject"/> (form values as strings,
/// repeated names as arrays), and written back in the same format.
/// </summary>
internal static class RequestBodies
{
    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));

    public static bool IsForm(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The body as an object, or null when it is neither a JSON object nor a form.</summary>
    public static async ValueTask<JsonObject?> ReadFormOrJsonAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var contentType = context.Http.Request.ContentType;
        if (!IsJson(contentType) && !IsForm(contentType))
        {
            return null;
        }

        var bytes = await context.ReadBodyAsync(cancellationToken);
        if (IsJson(contentType))
        {
            try
            {
                return bytes.Length == 0 ? [] : JsonNode.Parse(bytes) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var form = new JsonObject();
        foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes)))
        {
            form[name] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        return form;
    }

    /// <summary>Writes <paramref name="body"/> back as the request's content type says.</summary>
    public static void Write(PluginContext context, JsonObject body)
    {
        if (IsJson(context.Http.Request.ContentType))
        {
            context.SetBody(Encoding.UTF8.GetBytes(body.ToJsonString()));
            return;
        }

        var pairs = new List<string>();
        foreach (var (name, value) in body)
        {
            foreach (var item in value is JsonArray array ? array.ToList() : [value])
            {
                pairs.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(Text(item)));
            }
        }

        context.SetBody(Encoding.UTF8.GetBytes(string.Join('&', pairs)));
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
