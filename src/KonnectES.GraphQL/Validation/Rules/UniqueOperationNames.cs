using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Operation Name Uniqueness (§5.2.1.1).</summary>
internal sealed class UniqueOperationNames : ValidationRule
{
    private readonly Dictionary<string, OperationDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Name is null)
        {
            return;
        }

        if (_seen.TryGetValue(operation.Name, out var first))
        {
            context.Report(Messages.DuplicateOperationName(operation.Name), first, operation);
        }
        else
        {
            _seen[operation.Name] = operation;
        }
    }
}
