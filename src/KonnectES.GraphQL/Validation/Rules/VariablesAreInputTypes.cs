using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Variables Are Input Types (§5.8.2).</summary>
internal sealed class VariablesAreInputTypes : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode definition)
    {
        var type = Execution.VariableCoercion.TypeOf(context.Schema, definition.Type);
        if (type is not null && !type.IsInputType)
        {
            context.Report(Messages.VariableNotInputType(definition.Variable.Name, Language.Printer.Print(definition.Type)), definition.Type);
        }
    }
}
