using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>Validates a plugin config against its schema and fills Kong's defaults.</summary>
internal static class ConfigNormalizer
{
    public static JsonObject Record(JsonNode? input, IReadOnlyList<ConfigField> fields, List<string> path, List<DomainError> errors)
    {
        var output = new JsonObject();
        if (input is not null and not JsonObject)
        {
            errors.Add(DomainError.Invalid("expected a record", [.. path]));
            input = null;
        }

        var obj = input as JsonObject;
        foreach (var (key, _) in obj ?? [])
        {
            if (!fields.Any(f => f.Name == key))
            {
                errors.Add(DomainError.Invalid("unknown field", [.. path, key]));
            }
        }

        foreach (var field in fields)
        {
            path.Add(field.Name);
            output[field.Name] = Field(obj?[field.Name], field, path, errors);
            path.RemoveAt(path.Count - 1);
        }

        return output;
    }

    private static JsonNode? Field(JsonNode? value, ConfigField field, List<string> path, List<DomainError> errors)
    {
        if (field.Kind == FieldKind.Record)
        {
            return Record(value, field.Fields, path, errors);
        }

        if (value is null)
        {
            if (field.Required && field.Default is null)
            {
                errors.Add(DomainError.Invalid("required field missing", [.. path]));
            }

            return field.Default?.DeepClone();
        }

        switch (field.Kind)
        {
            case FieldKind.String:
                return Str(value, field, path, errors);
            case FieldKind.Integer or FieldKind.Number:
                return Number(value, field, path, errors);
            case FieldKind.Boolean:
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(DomainError.Invalid("expected a boolean", [.. path]));
                }

                return value.DeepClone();
            default:
                if (value is not JsonArray array)
                {
                    errors.Add(DomainError.Invalid("expected an array", [.. path]));
                    return null;
                }

                var items = new JsonArray();
                var itemField = field with { Kind = field.Kind == FieldKind.StringArray ? FieldKind.String : FieldKind.Integer };
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(Formats.Index(i));
                    items.Add(array[i] is null ? null : itemField.Kind == FieldKind.String
                        ? Str(array[i]!, itemField, path, errors)
                        : Number(array[i]!, itemField, path, errors));
                    path.RemoveAt(path.Count - 1);
                }

                return items;
        }
    }

    private static JsonNode? Str(JsonNode value, ConfigField field, List<string> path, List<DomainError> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(DomainError.Invalid("expected a string", [.. path]));
            return value.DeepClone();
        }

        var s = value.GetValue<string>();
        if (field.OneOf is { } oneOf && !oneOf.Contains(s))
        {
            errors.Add(DomainError.Invalid("expected one of: " + string.Join(", ", oneOf), [.. path]));
        }
        else if (field.Check?.Invoke(s) is { } message)
        {
            errors.Add(DomainError.Invalid(message, [.. path]));
        }

        return JsonValue.Create(s);
    }

    private static JsonNode? Number(JsonNode value, ConfigField field, List<string> path, List<DomainError> errors)
    {
        if (!TryNumber(value, out var number))
        {
            errors.Add(DomainError.Invalid(field.Kind == FieldKind.Integer ? "expected an integer" : "expected a number", [.. path]));
            return value.DeepClone();
        }

        if (field.Kind == FieldKind.Integer && number != Math.Floor(number))
        {
            errors.Add(DomainError.Invalid("expected an integer", [.. path]));
        }
        else if (number < field.Min || number > field.Max)
        {
            errors.Add(DomainError.Invalid($"value should be between {Show(field.Min)} and {Show(field.Max)}", [.. path]));
        }

        return number == Math.Floor(number) && Math.Abs(number) < 1e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
    }

    public static bool TryNumber(JsonNode? value, out double number)
    {
        number = 0;
        return value is not null && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}
