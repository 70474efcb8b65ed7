using KonnectES.GraphQL.Execution;

namespace KonnectES.GraphQL.Types;

/// <summary>A field of an object or interface type, with its resolver.</summary>
internal sealed class FieldDefinition(string name, string? description, GraphType type, string? deprecationReason)
{
    private static readonly Dictionary<string, InputValueDefinition> NoArguments = [];

    public string Name { get; } = name;

    public string? Description { get; set; } = description;

    public GraphType Type { get; set; } = type;

    public string? DeprecationReason { get; set; } = deprecationReason;

    public List<InputValueDefinition> ArgumentList { get; } = [];

    public Dictionary<string, InputValueDefinition> Arguments { get; private set; } = NoArguments;

    public FieldResolver? Resolver { get; set; }

    public SubscriptionResolver? Subscriber { get; set; }

    /// <summary>Static cost of resolving this field once (cost analysis); 0 uses the default.</summary>
    public int Cost { get; set; }

    public void AddArgument(InputValueDefinition argument)
    {
        if (ReferenceEquals(Arguments, NoArguments))
        {
            Arguments = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        }

        if (!Arguments.TryAdd(argument.Name, argument))
        {
            throw new SchemaException(Messages.DuplicateArgument(argument.Name));
        }

        ArgumentList.Add(argument);
    }
}
