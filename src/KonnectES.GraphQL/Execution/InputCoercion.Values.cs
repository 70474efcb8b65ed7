using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

internal static partial class InputCoercion
{
    /// <summary>Coerces a JSON variable value (already turned into plain CLR values) to an input type.</summary>
    public static bool TryCoerceValue(object? raw, GraphType type, out object? value, out string error)
    {
        error = string.Empty;
        value = null;
        if (raw is null)
        {
            if (type.IsNonNull)
            {
                error = Messages.ExpectedNonNull(type.ToString());
                return false;
            }

            return true;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return TryCoerceValue(raw, nonNull.OfType, out value, out error);
            case ListType list:
                if (raw is object?[] array)
                {
                    var result = new object?[array.Length];
                    for (var i = 0; i < array.Length; i++)
                    {
                        if (!TryCoerceValue(array[i], list.OfType, out result[i], out error))
                        {
                            error = Messages.AtIndex(i, error);
                            return false;
                        }
                    }

                    value = result;
                    return true;
                }

                if (!TryCoerceValue(raw, list.OfType, out var single, out error))
                {
                    return false;
                }

                value = new[] { single };
                return true;
            case InputObjectType input:
                return TryCoerceObjectValue(raw, input, out value, out error);
            case EnumType enumType:
                if (raw is string name && enumType.ByName.TryGetValue(name, out var enumValue))
                {
                    value = enumValue.Value;
                    return true;
                }

                error = Messages.EnumCannotRepresent(enumType.Name, Types.ScalarTypes.IntScalar.Describe(raw));
                return false;
            case ScalarGraphType scalar:
                try
                {
                    value = scalar.Scalar.ParseValue(raw);
                    return true;
                }
                catch (GraphQLException ex)
                {
                    error = ex.Message;
                    return false;
                }

            default:
                error = Messages.NotInputType("value", type.ToString());
                return false;
        }
    }

    private static bool TryCoerceObjectValue(object raw, InputObjectType input, out object? value, out string error)
    {
        value = null;
        if (raw is not IReadOnlyDictionary<string, object?> map)
        {
            error = Messages.ExpectedInputObject(input.Name, Types.ScalarTypes.IntScalar.Describe(raw));
            return false;
        }

        foreach (var key in map.Keys)
        {
            if (!input.Fields.ContainsKey(key))
            {
                error = Messages.UnknownInputField(key, input.Name);
                return false;
            }
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in input.FieldList)
        {
            if (!map.TryGetValue(definition.Name, out var fieldRaw))
            {
                if (definition.HasDefault)
                {
                    result[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type.IsNonNull)
                {
                    error = Messages.RequiredInputField(input.Name, definition.Name, definition.Type.ToString());
                    return false;
                }

                continue;
            }

            if (!TryCoerceValue(fieldRaw, definition.Type, out var fieldValue, out error))
            {
                error = Messages.AtField(definition.Name, error);
                return false;
            }

            result[definition.Name] = fieldValue;
        }

        return CheckOneOf(input, result, out value, out error);
    }
}
