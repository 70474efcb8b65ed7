using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>All Variables Used (§5.8.4).</summary>
internal sealed class NoUnusedVariables : ValidationRule
{
    public override void LeaveOperation(ValidationContext context, OperationDefinitionNode operation)
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
