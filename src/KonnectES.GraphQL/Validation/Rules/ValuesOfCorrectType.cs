using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Values of Correct Type (§5.6.1) and Input Object Required Fields (§5.6.4), including @oneOf.</summary>
internal sealed class ValuesOfCorrectType : ValidationRule
{
    public override void EnterValue(ValidationContext context, ValueNode value)
    {
        if (context.InputType is not { } type || value is VariableNode)
        {
            return;
        }

        if (value is NullValueNode)
        {
            if (type.IsNonNull)
            {
                context.Report(Messages.ExpectedValue(type.ToString(), "null"), value);
            }

            return;
        }

        var nullable = type.Nullable;
        switch (value)
        {
            case ListValueNode:
                if (nullable is not ListType)
                {
                    CheckLeaf(context, value, type);
                }

                return;
            case ObjectValueNode obj:
                if (nullable.Named is not InputObjectType input)
                {
                    CheckLeaf(context, value, type);
                    return;
                }

                CheckObject(context, obj, input);
                return;
            default:
                CheckLeaf(context, value, type);
                return;
        }
    }

    private static void CheckObject(ValidationContext context, ObjectValueNode obj, InputObjectType input)
    {
        foreach (var field in obj.Fields)
        {
            if (!input.Fields.ContainsKey(field.Name))
            {
                context.Report(Messages.UnknownInputField(field.Name, input.Name), field);
            }
        }

        foreach (var definition in input.FieldList)
        {
            if (!definition.Type.IsNonNull || definition.HasDefault)
            {
                continue;
            }

            if (!obj.Fields.Any(f => f.Name == definition.Name))
            {
                context.Report(Messages.RequiredInputField(input.Name, definition.Name, definition.Type.ToString()), obj);
            }
        }

        if (!input.IsOneOf)
        {
            return;
        }

        if (obj.Fields.Count != 1)
        {
            context.Report(Messages.OneOfExactlyOne(input.Name), obj);
            return;
        }

        var only = obj.Fields[0].Value;
        if (only is NullValueNode)
        {
            context.Report(Messages.OneOfNotNull(input.Name, obj.Fields[0].Name), obj);
        }
        else if (only is VariableNode variable && context.Definition is OperationDefinitionNode operation)
        {
            var definition = operation.VariableDefinitions.FirstOrDefault(d => d.Variable.Name == variable.Name);
            if (definition is not null && definition.Type is not NonNullTypeNode)
            {
                context.Report(Messages.OneOfNullableVariable(variable.Name, input.Name), obj);
            }
        }
    }

    private static void CheckLeaf(ValidationContext context, ValueNode value, GraphType type)
    {
        var named = type.Named;
        switch (named)
        {
            case EnumType e:
                if (value is not EnumValueNode enumValue || !e.ByName.ContainsKey(enumValue.Value))
                {
                    context.Report(Messages.ExpectedValue(type.ToString(), Printer.Print(value)), value);
                }

                return;
            case ScalarGraphType scalar:
                if (value is ListValueNode or ObjectValueNode && scalar.Scalar is not Types.ScalarTypes.JsonScalar and not Types.ScalarTypes.PassThroughScalar)
                {
                    context.Report(Messages.ExpectedValue(type.ToString(), Printer.Print(value)), value);
                    return;
                }

                if (!InputCoercion.TryCoerceLiteral(value, named, ValidationVariables.Instance, out _, out var error))
                {
                    context.Report(Messages.ExpectedValue(type.ToString(), Printer.Print(value)) + " " + error, value);
                }

                return;
            default:
                context.Report(Messages.ExpectedValue(type.ToString(), Printer.Print(value)), value);
                return;
        }
    }
}
