using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KonnectES.Domain;

/// <summary>
/// The hash of what a data plane actually holds: the sum (mod 2^256) of SHA-256 over <c>section + "\n" +</c> the
/// canonical JSON of every entity in a snapshot document's sections. Unlike <see cref="ConfigHash"/> of the whole
/// configuration (which also covers what is not shipped, such as disabled services), a data plane recomputes this one
/// from the document it received, so it can check that a delta applied to its copy gave exactly the control plane's
/// snapshot. The control plane maintains it incrementally, entity by entity, as it projects the snapshot.
/// </summary>
/// <remarks>
/// Canonical JSON: object members sorted by ordinal name, no whitespace, strings re-escaped by one fixed encoder,
/// numbers normalized (<c>1.50</c>, <c>1.5</c> and <c>15e-1</c> are one number), so the text a database hands back
/// (which may reorder keys or reformat numbers) hashes like the text that was stored.
/// </remarks>
public static class SnapshotContentHash
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, SkipValidation = true };

    /// <summary>The hash of one entity of a section.</summary>
    public static ConfigHash OfEntity(string section, JsonElement entity)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes(section + "\n"));
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            WriteCanonical(writer, entity);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), digest);
        return ConfigHash.FromBytes(digest);
    }

    /// <summary>The hash of one entity given as JSON text.</summary>
    public static ConfigHash OfEntity(string section, string entityJson)
    {
        using var document = JsonDocument.Parse(entityJson);
        return OfEntity(section, document.RootElement);
    }

    /// <summary>
    /// The hash of a whole snapshot document: every entity of every section of <see cref="SnapshotDocument.Sections"/>
    /// (other top-level members such as <c>_format_version</c> and <c>_konnectes</c> are not content).
    /// </summary>
    public static ConfigHash OfDocument(JsonElement document)
    {
        var hash = ConfigHash.Empty;
        foreach (var section in SnapshotDocument.Sections)
        {
            if (document.TryGetProperty(section, out var entities) && entities.ValueKind == JsonValueKind.Array)
            {
                foreach (var entity in entities.EnumerateArray())
                {
                    hash = hash.Add(OfEntity(section, entity));
                }
            }
        }

        return hash;
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(CanonicalNumber(element.GetRawText()), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static string CanonicalNumber(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // "G29" drops trailing zeros and never uses an exponent for decimals.
            return value.ToString("G29", CultureInfo.InvariantCulture);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : raw;
    }
}
