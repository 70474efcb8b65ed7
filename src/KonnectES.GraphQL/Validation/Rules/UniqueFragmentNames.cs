using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragment Name Uniqueness (§5.5.1.1).</summary>
internal sealed class UniqueFragmentNames : ValidationRule
{
    private readonly Dictionary<string, FragmentDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterFragment(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (_seen.TryGetValue(fragment.Name!, out var first))
        {
            context.Report(Messages.DuplicateFragmentName(fragment.Name!), first, fragment);
        }
        else
        {
            _seen[fragment.Name!] = fragment;
        }
    }
}
