using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Directives Are Defined and In Valid Locations (§5.7.1, §5.7.2).</summary>
internal sealed class KnownDirectives : ValidationRule
{
    private string _location = string.Empty;

    public override void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location) => _location = location;

    public override void EnterDirective(ValidationContext context, DirectiveNode directive)
    {
        if (context.Directive is not { } definition)
        {
            context.Report(Messages.UnknownDirective(directive.Name), directive);
        }
        else if (!definition.Locations.Contains(_location))
        {
            context.Report(Messages.MisplacedDirective(directive.Name, _location), directive);
        }
    }
}
