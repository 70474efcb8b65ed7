using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

/// <summary>CoerceVariableValues (spec §6.4.1): absent, null and provided values are kept apart.</summary>
internal static class VariableCoercion
{
    private static readonly Dictionary<string, object?> Empty = [];

    public static IReadOnlyDictionary<string, object?>? Coerce(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? raw, SourceText source, out ExecutionResult? error)
    {
        error = null;
        if (operation.VariableDefinitions.Count == 0)
        {
            return Empty;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<GraphQLError>();
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var type = TypeOf(schema, definition.Type);
            var location = new[] { source.GetLocation(definition.Start) };
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError(Messages.VariableNotInputType(name, Printer.Print(definition.Type)), location, code: "BAD_USER_INPUT"));
                continue;
            }

            var provided = raw is not null && raw.TryGetValue(name, out var value);
            if (!provided)
            {
                if (definition.DefaultValue is not null)
                {
                    if (InputCoercion.TryCoerceLiteral(definition.DefaultValue, type, null, out var defaultValue, out var defaultError))
                    {
                        result[name] = defaultValue;
                    }
                    else
                    {
                        errors.Add(new GraphQLError(Messages.InvalidVariable(name, defaultError), location, code: "BAD_USER_INPUT"));
                    }
                }
                else if (type.IsNonNull)
                {
                    errors.Add(new GraphQLError(Messages.RequiredVariable(name, type.ToString()), location, code: "BAD_USER_INPUT"));
                }

                continue;
            }

            if (InputCoercion.TryCoerceValue(raw![name], type, out var coerced, out var message))
            {
                result[name] = coerced;
            }
            else
            {
                errors.Add(new GraphQLError(Messages.InvalidVariable(name, message), location, code: "BAD_USER_INPUT"));
            }
        }

        if (errors.Count > 0)
        {
            error = new ExecutionResult(false, null, errors, ResultKind.Variables);
            return null;
        }

        return result;
    }

    public static GraphType? TypeOf(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode n => TypeOf(schema, n.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode l => TypeOf(schema, l.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.FindType(named.Name),
        _ => null,
    };
}
