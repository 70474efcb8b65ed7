using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The sections of a snapshot as the compilers read them: either the members of one document, or the entity lists the
/// sync client holds (which spares writing a 10,000-entity snapshot into one document and parsing it again).
/// </summary>
internal sealed class SnapshotSections
{
    private readonly JsonElement _document;
    private readonly IReadOnlyDictionary<string, ImmutableArray<JsonElement>>? _sections;

    private SnapshotSections(JsonElement document, IReadOnlyDictionary<string, ImmutableArray<JsonElement>>? sections)
    {
        _document = document;
        _sections = sections;
    }

    /// <summary>The sections of a whole snapshot document.</summary>
    public static SnapshotSections Of(JsonElement document) => new(document, null);

    /// <summary>Sections given entity by entity (e.g. <c>AppliedSnapshot.Sections</c>).</summary>
    public static SnapshotSections Of(IReadOnlyDictionary<string, ImmutableArray<JsonElement>> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return new(default, sections);
    }

    /// <summary>The entity objects of a section (other values skipped), or none.</summary>
    public IEnumerable<JsonElement> this[string name] => Values(name).Where(e => e.ValueKind == JsonValueKind.Object);

    /// <summary>The number of values in a section.</summary>
    public int Count(string name)
    {
        if (_sections is not null)
        {
            return _sections.TryGetValue(name, out var list) ? list.Length : 0;
        }

        return _document.ValueKind == JsonValueKind.Object && _document.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Array
            ? section.GetArrayLength()
            : 0;
    }

    /// <summary>Every value of a section, objects or not, or none.</summary>
    public IEnumerable<JsonElement> Values(string name)
    {
        if (_sections is not null)
        {
            return _sections.TryGetValue(name, out var list) ? list : [];
        }

        return _document.ValueKind == JsonValueKind.Object && _document.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Array
            ? section.EnumerateArray()
            : [];
    }

    /// <summary>
    /// A document holding only the named sections (the whole document when built from one), for a compiler that reads
    /// a document; meant for small sections such as certificates.
    /// </summary>
    public JsonElement Document(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (_sections is null)
        {
            return _document;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in names)
            {
                writer.WriteStartArray(name);
                foreach (var value in Values(name))
                {
                    value.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }
}
