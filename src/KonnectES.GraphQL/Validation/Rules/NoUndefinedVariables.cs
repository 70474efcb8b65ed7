using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>All Variable Uses Defined (§5.8.3).</summary>
internal sealed class NoUndefinedVariables : ValidationRule
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
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            defined.Add(definition.Variable.Name);
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in context.RecursiveUsages(operation))
        {
            if (!defined.Contains(usage.Node.Name) && reported.Add(usage.Node.Name))
            {
                context.Report(Messages.UndefinedVariable(usage.Node.Name, operation.Name), usage.Node, operation);
            }
        }
    }
}
