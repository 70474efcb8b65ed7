using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Variable Uniqueness (§5.8.1).</summary>
internal sealed class UniqueVariableNames : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        var seen = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            if (seen.TryGetValue(definition.Variable.Name, out var first))
            {
                context.Report(Messages.DuplicateVariable(definition.Variable.Name), first.Variable, definition.Variable);
            }
            else
            {
                seen[definition.Variable.Name] = definition;
            }
        }
    }
}
