using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types.Introspection;

/// <summary>Turns a coerced input value back into a literal (graphql-js astFromValue), for printing defaults.</summary>
internal static class ValuePrinter
{
    public static ValueNode? ToLiteral(object? value, GraphType type)
    {
        if (type is NonNullType nonNull)
        {
            return ToLiteral(value, nonNull.OfType);
        }

        if (value is null)
        {
            return new NullValueNode(0);
        }

        switch (type)
        {
            case ListType list:
                if (value is System.Collections.IEnumerable items and not string)
                {
                    var values = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        values.Add(ToLiteral(item, list.OfType) ?? new NullValueNode(0));
                    }

                    return new ListValueNode(0, values);
                }

                return ToLiteral(value, list.OfType);
            case InputObjectType input when value is IReadOnlyDictionary<string, object?> map:
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.FieldList)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue))
                    {
                        fields.Add(new ObjectFieldNode(0, field.Name, ToLiteral(fieldValue, field.Type) ?? new NullValueNode(0)));
                    }
                }

                return new ObjectValueNode(0, fields);
            case EnumType e:
                var name = e.Serialize(value);
                return name is null ? null : new EnumValueNode(0, name);
            case ScalarGraphType scalar:
                try
                {
                    var literal = scalar.Scalar.ToLiteral(value);
                    return scalar.Name == "ID" && literal is StringValueNode s && IsIntegerText(s.Value)
                        ? new IntValueNode(0, s.Value)
                        : literal;
                }
                catch (GraphQLException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private static bool IsIntegerText(string text)
    {
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
