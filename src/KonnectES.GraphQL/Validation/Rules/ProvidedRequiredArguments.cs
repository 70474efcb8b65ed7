using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Required Arguments (§5.4.2.1): non-null arguments without default are given.</summary>
internal sealed class ProvidedRequiredArguments : ValidationRule
{
    public override void LeaveField(ValidationContext context, FieldNode field)
    {
        if (context.FieldDefinition is { } definition)
        {
            Check(context, definition.ArgumentList, field.Arguments, field, "Field \"" + definition.Name + "\"");
        }
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode directive)
    {
        if (context.Directive is { } definition)
        {
            Check(context, definition.Arguments, directive.Arguments, directive, "Directive \"@" + definition.Name + "\"");
        }
    }

    private static void Check(ValidationContext context, IReadOnlyList<InputValueDefinition> definitions, IReadOnlyList<ArgumentNode> arguments, SyntaxNode node, string owner)
    {
        foreach (var definition in definitions)
        {
            if (!definition.Type.IsNonNull || definition.HasDefault)
            {
                continue;
            }

            var found = false;
            foreach (var argument in arguments)
            {
                found |= argument.Name == definition.Name;
            }

            if (!found)
            {
                context.Report(Messages.MissingRequiredArgument(owner, definition.Name, definition.Type.ToString()), node);
            }
        }
    }
}
