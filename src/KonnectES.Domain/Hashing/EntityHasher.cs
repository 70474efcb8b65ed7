using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KonnectES.Domain;

/// <summary>
/// The hash of <see cref="SnapshotContentHash"/> for many entities in a row: canonical JSON (members by ordinal name,
/// one encoder, normalized numbers) and SHA-256, written into one reused buffer, with strings and integers copied as
/// UTF-8 when they need no re-escaping or normalizing. Not thread-safe: one per apply (or per thread).
/// </summary>
public sealed class EntityHasher : IDisposable
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly List<JsonProperty[]> _members = [];

    /// <summary>A hasher with an empty buffer.</summary>
    public EntityHasher()
    {
        _writer = new Utf8JsonWriter(_buffer, Compact);
    }

    /// <summary>The hash of one entity of <paramref name="section"/>, equal to <see cref="SnapshotContentHash.OfEntity(string, JsonElement)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ConfigHash Hash(string section, JsonElement entity)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        _buffer.ResetWrittenCount();
        var prefix = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(section.Length) + 1);
        var written = Encoding.UTF8.GetBytes(section, prefix);
        prefix[written] = (byte)'\n';
        _buffer.Advance(written + 1);

        _writer.Reset(_buffer);
        Write(entity, 0);
        _writer.Flush();

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.WrittenSpan, digest);
        return ConfigHash.FromBytes(digest);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, depth);
                break;
            case JsonValueKind.Array:
                _writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, depth + 1);
                }

                _writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                var text = raw[1..^1];
                if (text.IndexOf((byte)'\\') < 0)
                {
                    // No escape sequence: the raw bytes are the value; the writer escapes them as it would the string.
                    _writer.WriteStringValue(text);
                }
                else
                {
                    _writer.WriteStringValue(element.GetString());
                }

                break;
            case JsonValueKind.Number:
                var number = JsonMarshal.GetRawUtf8Value(element);
                if (IsPlainInteger(number))
                {
                    _writer.WriteRawValue(number, skipInputValidation: true);
                }
                else
                {
                    _writer.WriteRawValue(CanonicalNumber(element.GetRawText()), skipInputValidation: true);
                }

                break;
            case JsonValueKind.True:
                _writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                _writer.WriteBooleanValue(false);
                break;
            default:
                _writer.WriteNullValue();
                break;
        }
    }

    private void WriteObject(JsonElement element, int depth)
    {
        // One member array per depth, reused from entity to entity.
        while (_members.Count <= depth)
        {
            _members.Add(new JsonProperty[16]);
        }

        var members = _members[depth];
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (count == members.Length)
            {
                Array.Resize(ref members, members.Length * 2);
                _members[depth] = members;
            }

            members[count++] = property;
        }

        // A stable insertion sort by ordinal name, as OrderBy sorts (objects here have a few dozen members at most).
        var names = ArrayPool<string>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                names[i] = members[i].Name;
            }

            for (var i = 1; i < count; i++)
            {
                var name = names[i];
                var member = members[i];
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(names[j], name) > 0)
                {
                    names[j + 1] = names[j];
                    members[j + 1] = members[j];
                    j--;
                }

                names[j + 1] = name;
                members[j + 1] = member;
            }

            _writer.WriteStartObject();
            for (var i = 0; i < count; i++)
            {
                _writer.WritePropertyName(names[i]);
                Write(members[i].Value, depth + 1);
            }

            _writer.WriteEndObject();
        }
        finally
        {
            Array.Clear(names, 0, count);
            ArrayPool<string>.Shared.Return(names);
            Array.Clear(members, 0, count);
        }
    }

    // An integer that decimal parsing would print back unchanged: an optional minus, no leading zero, at most 18 digits.
    private static bool IsPlainInteger(ReadOnlySpan<byte> number)
    {
        var digits = number.Length > 0 && number[0] == (byte)'-' ? number[1..] : number;
        if (digits.Length is 0 or > 18)
        {
            return false;
        }

        if (digits[0] == (byte)'0')
        {
            return digits.Length == 1 && digits.Length == number.Length;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    // SnapshotContentHash's number normalization: decimal "G29" (no trailing zeros, no exponent), else double "R".
    private static string CanonicalNumber(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value.ToString("G29", CultureInfo.InvariantCulture);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : raw;
    }
}
