using System.Collections;
using System.Text.Json;

namespace KonnectES.GraphQL.Execution;

/// <summary>Writes results as JSON without an intermediate DOM.</summary>
internal static class ResultWriter
{
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors is { } errors)
        {
            writer.WritePropertyName("errors");
            WriteErrors(writer, errors);
        }

        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }

        writer.WriteEndObject();
    }

    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("message", error.Message);
            if (error.Locations is { Count: > 0 } locations)
            {
                writer.WriteStartArray("locations");
                foreach (var location in locations)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", location.Line);
                    writer.WriteNumber("column", location.Column);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (error.Path is { } path)
            {
                writer.WriteStartArray("path");
                foreach (var segment in path)
                {
                    if (segment is int i)
                    {
                        writer.WriteNumberValue(i);
                    }
                    else
                    {
                        writer.WriteStringValue((string)segment);
                    }
                }

                writer.WriteEndArray();
            }

            if (error.Code is not null || error.Extensions is not null)
            {
                writer.WriteStartObject("extensions");
                if (error.Code is not null)
                {
                    writer.WriteString("code", error.Code);
                }

                if (error.Extensions is not null)
                {
                    foreach (var (key, value) in error.Extensions)
                    {
                        writer.WritePropertyName(key);
                        WriteValue(writer, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case ResultMap map:
                writer.WriteStartObject();
                for (var k = 0; k < map.Count; k++)
                {
                    writer.WritePropertyName(map.EncodedKeyAt(k));
                    WriteValue(writer, map.ValueAt(k));
                }

                writer.WriteEndObject();
                return;
            case ResultList list:
                writer.WriteStartArray();
                for (var k = 0; k < list.Count; k++)
                {
                    WriteValue(writer, list[k]);
                }

                writer.WriteEndArray();
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                return;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                return;
        }
    }
}
