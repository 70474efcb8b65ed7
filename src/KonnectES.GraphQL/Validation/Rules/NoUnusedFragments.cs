using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Fragments Must Be Used (§5.5.1.4).</summary>
internal sealed class NoUnusedFragments : ValidationRule
{
    public override void LeaveDocument(ValidationContext context, DocumentNode document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                foreach (var fragment in context.RecursiveFragments(operation))
                {
                    used.Add(fragment.Name!);
                }
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment && !used.Contains(fragment.Name!))
            {
                context.Report(Messages.UnusedFragment(fragment.Name!), fragment);
            }
        }
    }
}
