using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>All Variable Usages Are Allowed (§5.8.5), with the default-value relaxation for non-null positions.</summary>
internal sealed class VariablesInAllowedPosition : ValidationRule
{
    // Runs at the end of the document: fragments defined after the operation must have been walked first.
    public override void LeaveDocument(ValidationContext context, DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                Check(context, operation);
            }
        }
    }

    private static void Check(ValidationContext context, OperationDefinitionNode operation)
    {
        foreach (var usage in context.RecursiveUsages(operation))
        {
            if (usage.Type is null)
            {
                continue;
            }

            var definition = operation.VariableDefinitions.FirstOrDefault(d => d.Variable.Name == usage.Node.Name);
            if (definition is null || VariableCoercion.TypeOf(context.Schema, definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!Allowed(variableType, definition.DefaultValue, usage.Type, usage.HasDefault))
            {
                context.Report(Messages.BadVariablePosition(usage.Node.Name, Printer.Print(definition.Type), usage.Type.ToString()), definition, usage.Node);
            }
        }
    }

    private static bool Allowed(GraphType variableType, ValueNode? variableDefault, GraphType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullDefault && !locationHasDefault)
            {
                return false;
            }

            return TypeComparators.IsSubType(variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsSubType(variableType, locationType);
    }
}
