using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Subscription Operation Definitions (§5.2.3.1): one root field, not an introspection field.</summary>
internal sealed class SingleFieldSubscriptions : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } root)
        {
            return;
        }

        var fields = new List<FieldNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(context, root, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        var responseNames = new List<FieldNode>();
        foreach (var field in fields)
        {
            if (seen.Add(field.ResponseName))
            {
                responseNames.Add(field);
            }
        }

        var name = operation.Name;
        if (responseNames.Count > 1)
        {
            var extra = responseNames.Skip(1).Cast<SyntaxNode>().ToArray();
            context.Report(name is null ? Messages.AnonymousSubscriptionSingleField : Messages.SubscriptionSingleField(name), extra);
        }

        foreach (var field in fields)
        {
            if (field.Name.StartsWith("__", StringComparison.Ordinal))
            {
                context.Report(name is null ? Messages.AnonymousSubscriptionIntrospection : Messages.SubscriptionIntrospection(name), field);
            }
        }
    }

    private static void Collect(ValidationContext context, ObjectType root, SelectionSetNode set, List<FieldNode> fields, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    fields.Add(field);
                    break;
                case InlineFragmentNode inline:
                    Collect(context, root, inline.SelectionSet, fields, visited);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name) && context.Fragments.TryGetValue(spread.Name, out var fragment):
                    Collect(context, root, fragment.SelectionSet, fields, visited);
                    break;
            }
        }
    }
}
