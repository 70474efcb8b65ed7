using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types;

/// <summary>An argument or an input object field.</summary>
internal sealed class InputValueDefinition(string name, string? description, GraphType type, ValueNode? defaultLiteral, string? deprecationReason)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public GraphType Type { get; set; } = type;

    /// <summary>The default as written in SDL; introspection prints it.</summary>
    public ValueNode? DefaultLiteral { get; } = defaultLiteral;

    public bool HasDefault => DefaultLiteral is not null;

    /// <summary>The coerced default, filled in when the schema is built.</summary>
    public object? DefaultValue { get; set; }

    public string? DeprecationReason { get; } = deprecationReason;
}
