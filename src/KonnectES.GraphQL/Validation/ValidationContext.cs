using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation;

/// <summary>What rules see while the document is walked: the schema, type information and the error list.</summary>
internal sealed class ValidationContext(Schema schema, DocumentNode document, int maxErrors)
{
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> _usages = [];
    private readonly Dictionary<ExecutableDefinitionNode, List<FragmentSpreadNode>> _spreads = [];

    public Schema Schema { get; } = schema;

    public DocumentNode Document { get; } = document;

    public List<GraphQLError> Errors { get; } = [];

    public bool Full => Errors.Count >= maxErrors;

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>The composite type owning the current selection set.</summary>
    public NamedType? ParentType { get; set; }

    /// <summary>The output type of the current field.</summary>
    public GraphType? Type { get; set; }

    public FieldDefinition? FieldDefinition { get; set; }

    public DirectiveDefinition? Directive { get; set; }

    /// <summary>The expected type of the current value.</summary>
    public GraphType? InputType { get; set; }

    /// <summary>The current executable definition, for variable usages.</summary>
    public ExecutableDefinitionNode? Definition { get; set; }

    public void Report(string message, params SyntaxNode[] nodes)
    {
        if (Full)
        {
            return;
        }

        var locations = new List<SourceLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            locations.Add(Document.Source.GetLocation(node.Start));
        }

        Errors.Add(new GraphQLError(message, locations, code: "GRAPHQL_VALIDATION_FAILED"));
    }

    internal void AddUsage(VariableUsage usage)
    {
        if (Definition is null)
        {
            return;
        }

        if (!_usages.TryGetValue(Definition, out var list))
        {
            _usages[Definition] = list = [];
        }

        list.Add(usage);
    }

    internal void AddSpread(FragmentSpreadNode spread)
    {
        if (Definition is null)
        {
            return;
        }

        if (!_spreads.TryGetValue(Definition, out var list))
        {
            _spreads[Definition] = list = [];
        }

        list.Add(spread);
    }

    public IReadOnlyList<FragmentSpreadNode> SpreadsOf(ExecutableDefinitionNode definition) =>
        _spreads.TryGetValue(definition, out var list) ? list : [];

    /// <summary>The fragments an operation uses, directly or through other fragments.</summary>
    public List<FragmentDefinitionNode> RecursiveFragments(OperationDefinitionNode operation)
    {
        var result = new List<FragmentDefinitionNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<ExecutableDefinitionNode>();
        stack.Push(operation);
        while (stack.Count > 0)
        {
            foreach (var spread in SpreadsOf(stack.Pop()))
            {
                if (seen.Add(spread.Name) && Fragments.TryGetValue(spread.Name, out var fragment))
                {
                    result.Add(fragment);
                    stack.Push(fragment);
                }
            }
        }

        return result;
    }

    /// <summary>Variable usages of an operation and every fragment it uses.</summary>
    public List<VariableUsage> RecursiveUsages(OperationDefinitionNode operation)
    {
        var result = new List<VariableUsage>(_usages.TryGetValue(operation, out var own) ? own : []);
        foreach (var fragment in RecursiveFragments(operation))
        {
            if (_usages.TryGetValue(fragment, out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }
}
