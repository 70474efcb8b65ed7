using System.Text.Json;

namespace KonnectES.GraphQL.Types;

/// <summary>An enum type (spec §3.9): bare names in literals, strings in JSON, names on output.</summary>
internal sealed class EnumType(string name, string? description) : NamedType(name, description)
{
    private readonly Dictionary<object, EnumValueDefinition> _byValue = [];

    public override TypeKind Kind => TypeKind.Enum;

    public List<EnumValueDefinition> Values { get; } = [];

    public Dictionary<string, EnumValueDefinition> ByName { get; } = new(StringComparer.Ordinal);

    public void Add(EnumValueDefinition value)
    {
        if (!ByName.TryAdd(value.Name, value))
        {
            throw new SchemaException(Messages.DuplicateEnumValue(Name, value.Name));
        }

        Values.Add(value);
    }

    /// <summary>Binds the values to the members of a CLR enum, matching IN_PROGRESS to InProgress.</summary>
    public void Bind(Type enumType)
    {
        foreach (var member in Enum.GetValues(enumType))
        {
            var constant = JsonNamingPolicy.SnakeCaseUpper.ConvertName(member.ToString()!);
            if (ByName.TryGetValue(constant, out var value) || ByName.TryGetValue(member.ToString()!, out value))
            {
                value.Value = member;
            }
        }

        RebuildIndex();
    }

    public void RebuildIndex()
    {
        _byValue.Clear();
        foreach (var value in Values)
        {
            _byValue[value.Value] = value;
        }
    }

    /// <summary>Result coercion: the name of the value a resolver returned, or null when it is not a member.</summary>
    public string? Serialize(object value)
    {
        if (_byValue.TryGetValue(value, out var found))
        {
            return found.Name;
        }

        if (value is Enum clrEnum)
        {
            var constant = JsonNamingPolicy.SnakeCaseUpper.ConvertName(clrEnum.ToString());
            if (ByName.ContainsKey(constant))
            {
                return constant;
            }
        }

        return value is string s && ByName.ContainsKey(s) ? s : null;
    }
}
