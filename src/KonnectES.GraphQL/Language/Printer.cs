using System.Globalization;
using System.Text;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

/// <summary>Prints values and type references in graphql-js's print() format.</summary>
internal static class Printer
{
    public static string Print(ValueNode value)
    {
        var builder = new StringBuilder();
        Print(builder, value);
        return builder.ToString();
    }

    public static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static void Print(StringBuilder builder, ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                builder.Append('$').Append(variable.Name);
                break;
            case IntValueNode i:
                builder.Append(i.Value);
                break;
            case FloatValueNode f:
                builder.Append(f.Value);
                break;
            case StringValueNode s:
                builder.Append(s.Block ? BlockString.Print(s.Value) : PrintString(s.Value));
                break;
            case BooleanValueNode b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case NullValueNode:
                builder.Append("null");
                break;
            case EnumValueNode e:
                builder.Append(e.Value);
                break;
            case ListValueNode list:
                builder.Append('[');
                for (var i = 0; i < list.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Print(builder, list.Values[i]);
                }

                builder.Append(']');
                break;
            case ObjectValueNode obj:
                builder.Append('{');
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty).Append(obj.Fields[i].Name).Append(": ");
                    Print(builder, obj.Fields[i].Value);
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>A JSON-like quoted string with graphql-js's escapes.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
