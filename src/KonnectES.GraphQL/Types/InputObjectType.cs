namespace KonnectES.GraphQL.Types;

/// <summary>An input object type (spec §3.10), optionally @oneOf.</summary>
internal sealed class InputObjectType(string name, string? description) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.InputObject;

    public Dictionary<string, InputValueDefinition> Fields { get; } = new(StringComparer.Ordinal);

    public List<InputValueDefinition> FieldList { get; } = [];

    public bool IsOneOf { get; set; }

    public void AddField(InputValueDefinition field)
    {
        if (!Fields.TryAdd(field.Name, field))
        {
            throw new SchemaException(Messages.DuplicateField(Name, field.Name));
        }

        FieldList.Add(field);
    }
}
