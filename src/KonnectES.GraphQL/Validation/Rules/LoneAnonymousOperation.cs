using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Lone Anonymous Operation (§5.2.2.1).</summary>
internal sealed class LoneAnonymousOperation : ValidationRule
{
    private int _operations;

    public override void EnterDocument(ValidationContext context, DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode)
            {
                _operations++;
            }
        }
    }

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Name is null && _operations > 1)
        {
            context.Report(Messages.AnonymousNotAlone, operation);
        }
    }
}
