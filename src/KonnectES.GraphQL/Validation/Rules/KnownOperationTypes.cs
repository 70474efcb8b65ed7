using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Operation Type Existence (draft §5.2.1): the schema supports the operation type.</summary>
internal sealed class KnownOperationTypes : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (context.Schema.RootType(operation.Operation) is null)
        {
            context.Report(Messages.OperationTypeNotSupported(operation.Operation), operation);
        }
    }
}
