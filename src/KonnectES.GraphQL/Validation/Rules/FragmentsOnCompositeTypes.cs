using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragments On Composite Types (§5.5.1.3).</summary>
internal sealed class FragmentsOnCompositeTypes : ValidationRule
{
    public override void EnterFragment(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (context.Schema.FindType(fragment.TypeCondition.Name) is { } type && type is not (ComplexType or UnionType))
        {
            context.Report(Messages.FragmentOnNonComposite(fragment.Name!, type.Name), fragment.TypeCondition);
        }
    }

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is not null && context.Schema.FindType(fragment.TypeCondition.Name) is { } type && type is not (ComplexType or UnionType))
        {
            context.Report(Messages.InlineFragmentOnNonComposite(type.Name), fragment.TypeCondition);
        }
    }
}
