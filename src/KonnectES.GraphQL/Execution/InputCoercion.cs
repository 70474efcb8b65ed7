using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

/// <summary>Input coercion for literals (spec ValueFromAST / CoerceArgumentValues) and for JSON variable values.</summary>
internal static partial class InputCoercion
{
    /// <summary>Stands for a variable that was not provided: unlike null, it lets defaults apply.</summary>
    public static readonly object Undefined = new();

    public static bool TryCoerceLiteral(ValueNode node, GraphType type, IReadOnlyDictionary<string, object?>? variables, out object? value, out string error)
    {
        error = string.Empty;
        value = null;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name, out value))
            {
                value = Undefined;
                return true;
            }

            if (value is null && type.IsNonNull)
            {
                error = Messages.NullVariableForNonNull(variable.Name, type.ToString());
                return false;
            }

            return true;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                error = Messages.ExpectedNonNull(type.ToString());
                return false;
            }

            return TryCoerceLiteral(node, nonNull.OfType, variables, out value, out error);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new object?[items.Values.Count];
                    for (var i = 0; i < result.Length; i++)
                    {
                        if (!TryCoerceLiteral(items.Values[i], list.OfType, variables, out var item, out error))
                        {
                            return false;
                        }

                        if (ReferenceEquals(item, Undefined))
                        {
                            if (list.OfType.IsNonNull)
                            {
                                error = Messages.ExpectedNonNull(list.OfType.ToString());
                                return false;
                            }

                            item = null;
                        }

                        result[i] = item;
                    }

                    value = result;
                    return true;
                }

                if (!TryCoerceLiteral(node, list.OfType, variables, out var single, out error))
                {
                    return false;
                }

                value = ReferenceEquals(single, Undefined) ? Undefined : new[] { single };
                return true;
            case InputObjectType input:
                return TryCoerceObjectLiteral(node, input, variables, out value, out error);
            case EnumType enumType:
                if (node is EnumValueNode e && enumType.ByName.TryGetValue(e.Value, out var enumValue))
                {
                    value = enumValue.Value;
                    return true;
                }

                error = Messages.EnumCannotRepresent(enumType.Name, Printer.Print(node));
                return false;
            case ScalarGraphType scalar:
                try
                {
                    value = scalar.Scalar.ParseLiteral(node, variables);
                    return true;
                }
                catch (Exception ex) when (ex is GraphQLException or FormatException or OverflowException or InvalidCastException)
                {
                    error = ex.Message;
                    return false;
                }

            default:
                error = Messages.NotInputType("value", type.ToString());
                return false;
        }
    }

    private static bool TryCoerceObjectLiteral(ValueNode node, InputObjectType input, IReadOnlyDictionary<string, object?>? variables, out object? value, out string error)
    {
        value = null;
        if (node is not ObjectValueNode obj)
        {
            error = Messages.ExpectedInputObject(input.Name, Printer.Print(node));
            return false;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            if (!input.Fields.ContainsKey(field.Name))
            {
                error = Messages.UnknownInputField(field.Name, input.Name);
                return false;
            }
        }

        foreach (var definition in input.FieldList)
        {
            ObjectFieldNode? provided = null;
            foreach (var field in obj.Fields)
            {
                if (field.Name == definition.Name)
                {
                    provided = field;
                    break;
                }
            }

            object? fieldValue = Undefined;
            if (provided is not null && !TryCoerceLiteral(provided.Value, definition.Type, variables, out fieldValue, out error))
            {
                return false;
            }

            if (ReferenceEquals(fieldValue, Undefined))
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

            result[definition.Name] = fieldValue;
        }

        return CheckOneOf(input, result, out value, out error);
    }

    private static bool CheckOneOf(InputObjectType input, Dictionary<string, object?> result, out object? value, out string error)
    {
        error = string.Empty;
        value = result;
        if (!input.IsOneOf)
        {
            return true;
        }

        if (result.Count != 1)
        {
            error = Messages.OneOfExactlyOne(input.Name);
            return false;
        }

        foreach (var pair in result)
        {
            if (pair.Value is null)
            {
                error = Messages.OneOfNotNull(input.Name, pair.Key);
                return false;
            }
        }

        return true;
    }
}
