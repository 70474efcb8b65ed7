namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A top-level definition of a document.</summary>
internal abstract class DefinitionNode(int start) : SyntaxNode(start)
{
}
