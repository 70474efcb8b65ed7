using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>All Variables Used (§5.8.4).</summary>
internal sealed class NoUnusedVariables : ValidationRule
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
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in context.RecursiveUsages(operation))
        {
            used.Add(usage.Node.Name);
        }

        foreach (var definition in operation.VariableDefinitions)
        {
            if (!used.Contains(definition.Variable.Name))
            {
                context.Report(Messages.UnusedVariable(definition.Variable.Name, operation.Name), definition);
            }
        }
    }
}
