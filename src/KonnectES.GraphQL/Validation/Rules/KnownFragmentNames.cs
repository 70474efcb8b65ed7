using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Target Defined (§5.5.2.1).</summary>
internal sealed class KnownFragmentNames : ValidationRule
{
    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread)
    {
        if (!context.Fragments.ContainsKey(spread.Name))
        {
            context.Report(Messages.UnknownFragment(spread.Name), spread);
        }
    }
}
