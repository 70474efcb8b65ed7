namespace KonnectES.GraphQL.Types;

/// <summary>An object or interface type: a named set of fields that may implement interfaces.</summary>
internal abstract class ComplexType(string name, string? description) : NamedType(name, description)
{
    public Dictionary<string, FieldDefinition> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The fields in SDL order (dictionary order is kept, but this avoids relying on it).</summary>
    public List<FieldDefinition> FieldList { get; } = [];

    public List<InterfaceType> Interfaces { get; } = [];

    public void AddField(FieldDefinition field)
    {
        if (Fields.TryAdd(field.Name, field))
        {
            FieldList.Add(field);
        }
        else
        {
            throw new SchemaException(Messages.DuplicateField(Name, field.Name));
        }
    }

    public bool Implements(InterfaceType type)
    {
        foreach (var i in Interfaces)
        {
            if (ReferenceEquals(i, type))
            {
                return true;
            }
        }

        return false;
    }
}
