using System.Globalization;
using System.Text.Json;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types;

/// <summary>Conversions between literals, JSON and the plain CLR values (string, bool, long, double, list, map) scalars see.</summary>
internal static class RawValue
{
    public static object? FromLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        switch (node)
        {
            case NullValueNode:
                return null;
            case StringValueNode s:
                return s.Value;
            case BooleanValueNode b:
                return b.Value;
            case EnumValueNode e:
                return e.Value;
            case IntValueNode i:
                return long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l
                    : double.Parse(i.Value, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, CultureInfo.InvariantCulture);
            case VariableNode v:
                return variables is not null && variables.TryGetValue(v.Name, out var value) ? value : null;
            case ListValueNode list:
                var items = new object?[list.Values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromLiteral(list.Values[i], variables);
                }

                return items;
            case ObjectValueNode obj:
                var map = new Dictionary<string, object?>(obj.Fields.Count, StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    map[field.Name] = FromLiteral(field.Value, variables);
                }

                return map;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Array => FromJsonArray(element),
        JsonValueKind.Object => FromJsonObject(element),
        _ => throw new ArgumentOutOfRangeException(nameof(element)),
    };

    private static object?[] FromJsonArray(JsonElement element)
    {
        var items = new object?[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            items[i++] = FromJson(item);
        }

        return items;
    }

    private static Dictionary<string, object?> FromJsonObject(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = FromJson(property.Value);
        }

        return map;
    }

    /// <summary>Turns a serialized value (JSON-like) into a literal, as graphql-js astFromValue does for scalars.</summary>
    public static ValueNode ToLiteral(object? value)
    {
        switch (value)
        {
            case null:
                return new NullValueNode(0);
            case bool b:
                return new BooleanValueNode(0, b);
            case string s:
                return new StringValueNode(0, s, false);
            case int or long or short or byte or uint or ulong:
                return new IntValueNode(0, Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case double or float or decimal:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return d == Math.Floor(d) && Math.Abs(d) < 1e21
                    ? new IntValueNode(0, d.ToString("0", CultureInfo.InvariantCulture))
                    : new FloatValueNode(0, d.ToString("R", CultureInfo.InvariantCulture));
            case JsonElement element:
                return ToLiteral(FromJson(element));
            case IEnumerable<KeyValuePair<string, object?>> map:
                var fields = new List<ObjectFieldNode>();
                foreach (var pair in map)
                {
                    fields.Add(new ObjectFieldNode(0, pair.Key, ToLiteral(pair.Value)));
                }

                return new ObjectValueNode(0, fields);
            case System.Collections.IEnumerable list:
                var values = new List<ValueNode>();
                foreach (var item in list)
                {
                    values.Add(ToLiteral(item));
                }

                return new ListValueNode(0, values);
            default:
                return new StringValueNode(0, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, false);
        }
    }
}
