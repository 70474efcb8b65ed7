namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>Directive (spec §2.12).</summary>
internal sealed class DirectiveNode(int start, string name, IReadOnlyList<ArgumentNode> arguments) : SyntaxNode(start)
{
    public string Name { get; } = name;

    public IReadOnlyList<ArgumentNode> Arguments { get; } = arguments;
}
