using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Executable Definitions (§5.1.1): a request holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitions : ValidationRule
{
    public override void EnterTypeSystem(ValidationContext context, TypeSystemNode definition) =>
        context.Report(Messages.NonExecutableDefinition(definition switch
        {
            TypeDefinitionNode type => type.Name,
            DirectiveDefinitionNode directive => "@" + directive.Name,
            _ => "schema",
        }), definition);
}
