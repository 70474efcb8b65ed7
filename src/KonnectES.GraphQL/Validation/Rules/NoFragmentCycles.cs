using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragment Spreads Must Not Form Cycles (§5.5.2.2); checked without recursion.</summary>
internal sealed class NoFragmentCycles : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode document)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in context.Fragments.Values)
        {
            if (done.Contains(fragment.Name!))
            {
                continue;
            }

            // Iterative depth-first search; the path holds the fragments on the current chain.
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var path = new List<FragmentSpreadNode>();
            var stack = new Stack<(FragmentDefinitionNode Fragment, int Next)>();
            stack.Push((fragment, 0));
            onPath[fragment.Name!] = 0;
            while (stack.Count > 0)
            {
                var (current, next) = stack.Pop();
                var spreads = context.SpreadsOf(current);
                if (next >= spreads.Count)
                {
                    onPath.Remove(current.Name!);
                    done.Add(current.Name!);
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                stack.Push((current, next + 1));
                var spread = spreads[next];
                if (onPath.TryGetValue(spread.Name, out var depth))
                {
                    var cycle = path.Skip(depth).Append(spread).Cast<SyntaxNode>().ToArray();
                    context.Report(Messages.FragmentCycle(spread.Name), cycle);
                    continue;
                }

                if (done.Contains(spread.Name) || !context.Fragments.TryGetValue(spread.Name, out var target))
                {
                    continue;
                }

                path.Add(spread);
                onPath[spread.Name] = path.Count;
                stack.Push((target, 0));
            }
        }
    }
}
