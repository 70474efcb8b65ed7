using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

internal sealed partial class OverlappingFieldsCanBeMerged
{
    /// <summary>The fields of a selection set by response name, and the fragments it spreads.</summary>
    private FieldsAndFragments Get(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap();
        var fragmentNames = new List<string>();
        var seenLeaves = new HashSet<(NamedType?, string, string?, string)>();
        Collect(parentType, selectionSet, fieldMap, fragmentNames, seenLeaves);
        var result = new FieldsAndFragments(fieldMap, fragmentNames);
        _cache[selectionSet] = result;
        return result;
    }

    private void Collect(NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames, HashSet<(NamedType?, string, string?, string)> seenLeaves)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    // Identical leaf fields (same parent, name, alias, arguments, no directives) can never conflict with each other.
                    if (field.SelectionSet is null && field.Directives.Count == 0
                        && !seenLeaves.Add((parentType, field.Name, field.Alias, ArgumentsKey(field))))
                    {
                        break;
                    }

                    var definition = parentType is null ? null : _context.Schema.FindField(parentType, field.Name);
                    if (!fieldMap.Fields.TryGetValue(field.ResponseName, out var list))
                    {
                        fieldMap.Fields[field.ResponseName] = list = [];
                    }

                    list.Add(new FieldEntry(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name))
                    {
                        fragmentNames.Add(spread.Name);
                    }

                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is null ? parentType : _context.Schema.FindType(inline.TypeCondition.Name);
                    Collect(type, inline.SelectionSet, fieldMap, fragmentNames, seenLeaves);
                    break;
            }
        }
    }

    private static string ArgumentsKey(FieldNode field)
    {
        if (field.Arguments.Count == 0)
        {
            return string.Empty;
        }

        return string.Join(",", field.Arguments.Select(a => a.Name + ":" + Printer.Print(a.Value)));
    }
}
