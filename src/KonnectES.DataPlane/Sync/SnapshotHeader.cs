using System.Globalization;
using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>Reads the <c>_konnectes</c> member of snapshots and deltas, and the hashes in them.</summary>
internal static class SnapshotHeader
{
    /// <summary>The name of the member that carries versions and hashes.</summary>
    public const string Member = "_konnectes";

    /// <summary>Reads a 64-hex-digit hash member.</summary>
    public static bool TryReadHash(JsonElement obj, string name, out ConfigHash hash)
    {
        hash = default;
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        return TryParseHash(value.GetString(), out hash);
    }

    /// <summary>Parses 64 hex digits (an ETag's quotes removed).</summary>
    public static bool TryParseHash(string? text, out ConfigHash hash)
    {
        hash = default;
        text = text?.Trim().Trim('"');
        if (text is null || text.Length != 64 || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = ConfigHash.Parse(text.ToLowerInvariant());
        return true;
    }

    /// <summary>Reads an integer member.</summary>
    public static bool TryReadVersion(JsonElement obj, string name, out long version)
    {
        version = 0;
        return obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out version);
    }

    /// <summary>Parses an integer header value.</summary>
    public static bool TryParseVersion(string? text, out long version) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out version);
}
