using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Argument Uniqueness (§5.4.2).</summary>
internal sealed class UniqueArgumentNames : ValidationRule
{
    public override void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
        for (var i = 1; i < arguments.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (arguments[i].Name == arguments[j].Name)
                {
                    context.Report(Messages.DuplicateArgument(arguments[i].Name), arguments[j], arguments[i]);
                    break;
                }
            }
        }
    }
}
