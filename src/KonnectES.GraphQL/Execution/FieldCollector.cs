using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

/// <summary>CollectFields (spec §6.3.2): merges selections by response name and applies @skip, @include and type conditions.</summary>
internal sealed class FieldCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
{
    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public CollectedField[] Collect(ObjectType type, SelectionSetNode selectionSet)
    {
        var fields = new List<CollectedField>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        CollectInto(type, selectionSet, fields, visited);
        return fields.ToArray();
    }

    public CollectedField[] CollectSubFields(ObjectType type, CollectedField field)
    {
        var fields = new List<CollectedField>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (field.Node.SelectionSet is { } first)
        {
            CollectInto(type, first, fields, visited);
        }

        if (field.MoreNodes is not null)
        {
            foreach (var node in field.MoreNodes)
            {
                if (node.SelectionSet is { } set)
                {
                    CollectInto(type, set, fields, visited);
                }
            }
        }

        return fields.ToArray();
    }

    private void CollectInto(ObjectType type, SelectionSetNode selectionSet, List<CollectedField> fields, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    AddField(type, field, fields);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(type, inline.TypeCondition.Name))
                    {
                        CollectInto(type, inline.SelectionSet, fields, visited);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (visited.Add(spread.Name) && fragments.TryGetValue(spread.Name, out var fragment) && Applies(type, fragment.TypeCondition.Name))
                    {
                        CollectInto(type, fragment.SelectionSet, fields, visited);
                    }

                    break;
            }
        }
    }

    private void AddField(ObjectType type, FieldNode node, List<CollectedField> fields)
    {
        var responseName = node.ResponseName;
        foreach (var existing in fields)
        {
            if (existing.ResponseName == responseName)
            {
                (existing.MoreNodes ??= []).Add(node);
                return;
            }
        }

        var definition = schema.FindField(type, node.Name);
        if (definition is not null)
        {
            fields.Add(new CollectedField(responseName, type, definition, node));
        }
    }

    private bool Applies(ObjectType type, string typeCondition)
    {
        if (typeCondition == type.Name)
        {
            return true;
        }

        var conditionType = schema.FindType(typeCondition);
        return conditionType is not null && schema.IsSubType(conditionType, type);
    }

    /// <summary>Applies @skip(if:) and @include(if:) with the coerced variables.</summary>
    public bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            if (directive.Name is not ("skip" or "include") || directive.Arguments.Count == 0)
            {
                continue;
            }

            var value = directive.Arguments[0].Value switch
            {
                BooleanValueNode b => b.Value,
                VariableNode v => Variables.TryGetValue(v.Name, out var x) && x is true,
                _ => false,
            };
            if (directive.Name == "skip" ? value : !value)
            {
                return false;
            }
        }

        return true;
    }
}
