using System.Globalization;
using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

/// <summary>Reads a response by a dotted path: <c>"createRoute.route.paths.0"</c> (numbers index arrays).</summary>
internal static class JsonPaths
{
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            element = element.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? element[index]
                : element.GetProperty(part);
        }

        return element;
    }

    public static string? Str(this JsonElement element, string path) => element.At(path).GetString();

    public static int Int(this JsonElement element, string path) => element.At(path).GetInt32();

    public static bool IsNull(this JsonElement element, string path) => element.At(path).ValueKind == JsonValueKind.Null;

    public static string[] Strings(this JsonElement element, string path) => [.. element.At(path).EnumerateArray().Select(e => e.GetString()!)];
}
