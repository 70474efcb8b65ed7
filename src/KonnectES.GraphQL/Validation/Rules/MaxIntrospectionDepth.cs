using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>graphql-js MaxIntrospectionDepthRule: at most three nested list fields under __schema or __type.</summary>
internal sealed class MaxIntrospectionDepth : ValidationRule
{
    private const int MaxListsDepth = 3;

    public override void EnterField(ValidationContext context, FieldNode field)
    {
        if (field.Name is "__schema" or "__type" && TooDeep(context, field, new HashSet<string>(StringComparer.Ordinal), 0))
        {
            context.Report(Messages.IntrospectionTooDeep, field);
        }
    }

    private static bool TooDeep(ValidationContext context, SelectionNode node, HashSet<string> visited, int depth)
    {
        SelectionSetNode? set;
        switch (node)
        {
            case FragmentSpreadNode spread:
                if (!context.Fragments.TryGetValue(spread.Name, out var fragment) || !visited.Add(spread.Name))
                {
                    return false;
                }

                try
                {
                    set = fragment.SelectionSet;
                    return Any(context, set, visited, depth);
                }
                finally
                {
                    visited.Remove(spread.Name);
                }

            case FieldNode field:
                if (field.Name is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                {
                    return true;
                }

                set = field.SelectionSet;
                break;
            case InlineFragmentNode inline:
                set = inline.SelectionSet;
                break;
            default:
                return false;
        }

        return set is not null && Any(context, set, visited, depth);
    }

    private static bool Any(ValidationContext context, SelectionSetNode set, HashSet<string> visited, int depth)
    {
        foreach (var child in set.Selections)
        {
            if (TooDeep(context, child, visited, depth))
            {
                return true;
            }
        }

        return false;
    }
}
