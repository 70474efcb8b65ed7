namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>An input value literal (spec §2.9).</summary>
internal abstract class ValueNode(int start) : SyntaxNode(start)
{
}
