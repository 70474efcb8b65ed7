using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Type Existence (§5.5.1.2) and known variable types.</summary>
internal sealed class KnownTypeNames : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode definition) => Check(context, definition.Type);

    public override void EnterFragment(ValidationContext context, FragmentDefinitionNode fragment) => Check(context, fragment.TypeCondition);

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is not null)
        {
            Check(context, fragment.TypeCondition);
        }
    }

    private static void Check(ValidationContext context, TypeNode type)
    {
        while (type is not NamedTypeNode)
        {
            type = type is ListTypeNode list ? list.Type : ((NonNullTypeNode)type).Type;
        }

        var named = (NamedTypeNode)type;
        if (context.Schema.FindType(named.Name) is null)
        {
            context.Report(Messages.UnknownType(named.Name), named);
        }
    }
}
