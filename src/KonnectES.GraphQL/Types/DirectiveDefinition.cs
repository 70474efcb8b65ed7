namespace KonnectES.GraphQL.Types;

/// <summary>A directive the schema knows (built in or declared in SDL).</summary>
internal sealed class DirectiveDefinition(string name, string? description, bool isRepeatable, IReadOnlyList<string> locations)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public bool IsRepeatable { get; } = isRepeatable;

    public IReadOnlyList<string> Locations { get; } = locations;

    public List<InputValueDefinition> Arguments { get; } = [];

    public bool IsBuiltIn => Name is "skip" or "include" or "deprecated" or "specifiedBy" or "oneOf";

    public InputValueDefinition? FindArgument(string argumentName)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == argumentName)
            {
                return argument;
            }
        }

        return null;
    }
}
