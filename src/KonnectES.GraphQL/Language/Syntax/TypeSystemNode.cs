namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>A type system definition or extension (spec §3).</summary>
internal abstract class TypeSystemNode(int start, bool isExtension) : DefinitionNode(start)
{
    public bool IsExtension { get; } = isExtension;
}
