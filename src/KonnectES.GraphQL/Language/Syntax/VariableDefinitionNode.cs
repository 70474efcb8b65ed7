namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>VariableDefinition (spec §2.10).</summary>
internal sealed class VariableDefinitionNode(int start, VariableNode variable, TypeNode type, ValueNode? defaultValue, IReadOnlyList<DirectiveNode> directives) : SyntaxNode(start)
{
    public VariableNode Variable { get; } = variable;

    public TypeNode Type { get; } = type;

    public ValueNode? DefaultValue { get; } = defaultValue;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives;
}
