using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging (§5.3.2), with graphql-js's "within versus between" scheme: fragments are compared
/// with the selections that spread them rather than inlined, fragment pairs are memoised, and identical leaf
/// fields are de-duplicated first so thousands of repeated fields stay linear.
/// </summary>
internal sealed partial class OverlappingFieldsCanBeMerged : ValidationRule
{
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = [];
    private readonly HashSet<(string, string, bool)> _comparedFragments = [];
    private readonly HashSet<(FieldMap, string, bool)> _comparedFieldsAndFragment = [];
    private ValidationContext _context = null!;

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode selectionSet)
    {
        _context = context;
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = Get(context.ParentType, selectionSet);
        CollectWithin(conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectBetweenFieldsAndFragment(conflicts, fieldMap, fragmentNames[i], false, []);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        foreach (var conflict in conflicts)
        {
            context.Report(Messages.FieldsConflict(conflict.ResponseName, conflict.Reason), [.. conflict.Nodes]);
        }
    }

    private void CollectWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var (responseName, fields) in fieldMap.Fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(responseName, fields[i], fields[j], false) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectBetween(List<Conflict> conflicts, FieldMap first, FieldMap second, bool exclusive)
    {
        foreach (var (responseName, fields1) in first.Fields)
        {
            if (!second.Fields.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var a in fields1)
            {
                foreach (var b in fields2)
                {
                    if (FindConflict(responseName, a, b, exclusive) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectBetweenFieldsAndFragment(List<Conflict> conflicts, FieldMap fieldMap, string fragmentName, bool exclusive, HashSet<string> visited)
    {
        if (!visited.Add(fragmentName) || !_comparedFieldsAndFragment.Add((fieldMap, fragmentName, exclusive)))
        {
            return;
        }

        if (!_context.Fragments.TryGetValue(fragmentName, out var fragment))
        {
            return;
        }

        var (fragmentFields, fragmentNames) = Get(_context.Schema.FindType(fragment.TypeCondition.Name), fragment.SelectionSet);
        if (ReferenceEquals(fieldMap, fragmentFields))
        {
            return;
        }

        CollectBetween(conflicts, fieldMap, fragmentFields, exclusive);
        foreach (var name in fragmentNames)
        {
            CollectBetweenFieldsAndFragment(conflicts, fieldMap, name, exclusive, visited);
        }
    }

    private void CollectBetweenFragments(List<Conflict> conflicts, bool exclusive, string name1, string name2)
    {
        if (name1 == name2 || !_comparedFragments.Add((name1, name2, exclusive)) || !_comparedFragments.Add((name2, name1, exclusive)))
        {
            return;
        }

        if (!_context.Fragments.TryGetValue(name1, out var fragment1) || !_context.Fragments.TryGetValue(name2, out var fragment2))
        {
            return;
        }

        var (fields1, names1) = Get(_context.Schema.FindType(fragment1.TypeCondition.Name), fragment1.SelectionSet);
        var (fields2, names2) = Get(_context.Schema.FindType(fragment2.TypeCondition.Name), fragment2.SelectionSet);
        CollectBetween(conflicts, fields1, fields2, exclusive);
        foreach (var name in names2)
        {
            CollectBetweenFragments(conflicts, exclusive, name1, name);
        }

        foreach (var name in names1)
        {
            CollectBetweenFragments(conflicts, exclusive, name, name2);
        }
    }

    private List<Conflict> FindBetweenSubSelections(bool exclusive, NamedType? parent1, SelectionSetNode set1, NamedType? parent2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var (fields1, names1) = Get(parent1, set1);
        var (fields2, names2) = Get(parent2, set2);
        CollectBetween(conflicts, fields1, fields2, exclusive);
        foreach (var name in names2)
        {
            CollectBetweenFieldsAndFragment(conflicts, fields1, name, exclusive, []);
        }

        foreach (var name in names1)
        {
            CollectBetweenFieldsAndFragment(conflicts, fields2, name, exclusive, []);
        }

        foreach (var name1 in names1)
        {
            foreach (var name2 in names2)
            {
                CollectBetweenFragments(conflicts, exclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private Conflict? FindConflict(string responseName, FieldEntry a, FieldEntry b, bool parentsExclusive)
    {
        var exclusive = parentsExclusive || (!ReferenceEquals(a.Parent, b.Parent) && a.Parent is ObjectType && b.Parent is ObjectType);
        if (!exclusive)
        {
            if (a.Node.Name != b.Node.Name)
            {
                return new Conflict(responseName, Messages.DifferentFields(a.Node.Name, b.Node.Name), [a.Node, b.Node]);
            }

            if (!SameArguments(a.Node.Arguments, b.Node.Arguments))
            {
                return new Conflict(responseName, Messages.DifferentArguments, [a.Node, b.Node]);
            }
        }

        var type1 = a.Definition?.Type;
        var type2 = b.Definition?.Type;
        if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
        {
            return new Conflict(responseName, Messages.ConflictingTypes(type1.ToString(), type2.ToString()), [a.Node, b.Node]);
        }

        if (a.Node.SelectionSet is { } set1 && b.Node.SelectionSet is { } set2)
        {
            var sub = FindBetweenSubSelections(exclusive, type1?.Named, set1, type2?.Named, set2);
            if (sub.Count > 0)
            {
                var nodes = new List<SyntaxNode> { a.Node };
                nodes.AddRange(sub.SelectMany(c => c.Nodes));
                nodes.Add(b.Node);
                return new Conflict(responseName, Messages.SubfieldsConflict(sub.Select(c => (c.ResponseName, c.Reason))), nodes);
            }
        }

        return null;
    }

    private static bool TypesConflict(GraphType a, GraphType b)
    {
        if (a is ListType listA)
        {
            return b is not ListType listB || TypesConflict(listA.OfType, listB.OfType);
        }

        if (b is ListType)
        {
            return true;
        }

        if (a is NonNullType nonNullA)
        {
            return b is not NonNullType nonNullB || TypesConflict(nonNullA.OfType, nonNullB.OfType);
        }

        if (b is NonNullType)
        {
            return true;
        }

        return (a.IsLeaf || b.IsLeaf) && !ReferenceEquals(a, b);
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> a, IReadOnlyList<ArgumentNode> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var argument in a)
        {
            var match = b.FirstOrDefault(x => x.Name == argument.Name);
            if (match is null || Printer.Print(match.Value) != Printer.Print(argument.Value))
            {
                return false;
            }
        }

        return true;
    }
}
