using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Is Possible (§5.5.2.3).</summary>
internal sealed class PossibleFragmentSpreads : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is null || context.ParentType is not { } parent
            || context.Schema.FindType(fragment.TypeCondition.Name) is not { } type || type is not (ComplexType or UnionType))
        {
            return;
        }

        if (!TypeComparators.Overlap(context.Schema, type, parent))
        {
            context.Report(Messages.ImpossibleInlineFragment(parent.Name, type.Name), fragment);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread)
    {
        if (context.ParentType is not { } parent || !context.Fragments.TryGetValue(spread.Name, out var fragment)
            || context.Schema.FindType(fragment.TypeCondition.Name) is not { } type || type is not (ComplexType or UnionType))
        {
            return;
        }

        if (!TypeComparators.Overlap(context.Schema, type, parent))
        {
            context.Report(Messages.ImpossibleSpread(spread.Name, parent.Name, type.Name), spread);
        }
    }
}
