using System.Text;
using KonnectES.GraphQL.Language;

namespace KonnectES.GraphQL.Types;

/// <summary>Defines an object type in code; the definition becomes SDL, so both styles share one path.</summary>
public sealed class ObjectTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly List<FieldBuilder> _fields = [];
    private readonly List<string> _interfaces = [];
    private string? _description;

    internal ObjectTypeBuilder(SchemaBuilder schema, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _schema = schema;
        Name = name;
    }

    /// <summary>The type name.</summary>
    public string Name { get; }

    /// <summary>Sets the description shown by introspection.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public ObjectTypeBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Declares that the type implements interfaces defined elsewhere.</summary>
    /// <param name="interfaces">The interface names.</param>
    /// <returns>This builder.</returns>
    public ObjectTypeBuilder Implements(params string[] interfaces)
    {
        _interfaces.AddRange(interfaces);
        return this;
    }

    /// <summary>Adds a field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="type">The type in SDL notation, e.g. <c>[Todo!]!</c>.</param>
    /// <param name="configure">Adds arguments, a resolver, a description or a deprecation.</param>
    /// <returns>This builder.</returns>
    public ObjectTypeBuilder Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        _fields.Add(field);
        if (field.Resolver is not null)
        {
            _schema.Resolvers[(Name, name)] = field.Resolver;
        }

        if (field.Subscriber is not null)
        {
            _schema.Subscribers[(Name, name)] = field.Subscriber;
        }

        return this;
    }

    internal string ToSdl(bool isExtension)
    {
        var builder = new StringBuilder();
        if (_description is not null && !isExtension)
        {
            builder.Append(BlockString.Print(_description)).Append('\n');
        }

        builder.Append(isExtension ? "extend type " : "type ").Append(Name);
        if (_interfaces.Count > 0)
        {
            builder.Append(" implements ").AppendJoin(" & ", _interfaces);
        }

        if (_fields.Count > 0)
        {
            builder.Append(" {\n");
            foreach (var field in _fields)
            {
                field.AppendSdl(builder);
            }

            builder.Append('}');
        }

        return builder.Append('\n').ToString();
    }
}
