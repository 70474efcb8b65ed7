using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Directives Are Unique Per Location (§5.7.3), unless repeatable.</summary>
internal sealed class UniqueDirectivesPerLocation : ValidationRule
{
    public override void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location)
    {
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (context.Schema.Directives.GetValueOrDefault(directive.Name) is { IsRepeatable: true })
            {
                continue;
            }

            if (seen.TryGetValue(directive.Name, out var first))
            {
                context.Report(Messages.DuplicateDirective(directive.Name), first, directive);
            }
            else
            {
                seen[directive.Name] = directive;
            }
        }
    }
}
