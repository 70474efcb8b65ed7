using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Argument Names (§5.4.1).</summary>
internal sealed class KnownArgumentNames : ValidationRule
{
    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        foreach (var argument in arguments)
        {
            if (owner is DirectiveNode directive)
            {
                if (context.Directive is { } definition && definition.FindArgument(argument.Name) is null)
                {
                    context.Report(Messages.UnknownDirectiveArgument(argument.Name, directive.Name), argument);
                }
            }
            else if (context.FieldDefinition is { } field && !field.Arguments.ContainsKey(argument.Name) && context.ParentType is { } parent)
            {
                context.Report(Messages.UnknownArgument(argument.Name, parent.Name, field.Name), argument);
            }
        }
    }
}
