namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A type reference (spec §2.11).</summary>
internal abstract class TypeNode(int start) : SyntaxNode(start)
{
}
