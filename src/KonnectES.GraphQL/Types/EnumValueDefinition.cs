namespace KonnectES.GraphQL.Types;

/// <summary>One value of an enum type, and the CLR value it stands for.</summary>
internal sealed class EnumValueDefinition(string name, string? description, string? deprecationReason)
{
    public string Name { get; } = name;

    public string? Description { get; set; } = description;

    public string? DeprecationReason { get; set; } = deprecationReason;

    /// <summary>The value resolvers see; the name unless the host bound a CLR enum.</summary>
    public object Value { get; set; } = name;
}
