using KonnectES.GraphQL.Execution;

namespace KonnectES.GraphQL.Types;

/// <summary>An immutable, validated schema with its resolvers. Build one with <see cref="SchemaBuilder"/>.</summary>
public sealed class Schema
{
    private string? _sdl;

    internal Schema(Dictionary<string, NamedType> types, Dictionary<string, DirectiveDefinition> directives, ObjectType query, ObjectType? mutation, ObjectType? subscription, string? description)
    {
        Types = types;
        Directives = directives;
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;
        TypeNameField = new FieldDefinition("__typename", null, ((NamedType)types["String"]).AsNonNull(), null)
        {
            Resolver = Introspection.IntrospectionResolvers.TypeName,
        };
        SchemaField = new FieldDefinition("__schema", null, types["__Schema"].AsNonNull(), null)
        {
            Resolver = context => new ValueTask<object?>(this),
        };
        TypeField = new FieldDefinition("__type", null, types["__Type"], null)
        {
            Resolver = Introspection.IntrospectionResolvers.TypeByName(this),
        };
        TypeField.AddArgument(new InputValueDefinition("name", null, types["String"].AsNonNull(), null, null));
    }

    /// <summary>The schema description (SDL <c>schema</c> description), if any.</summary>
    public string? Description { get; }

    internal Dictionary<string, NamedType> Types { get; }

    internal Dictionary<string, DirectiveDefinition> Directives { get; }

    internal ObjectType QueryType { get; }

    internal ObjectType? MutationType { get; }

    internal ObjectType? SubscriptionType { get; }

    internal FieldDefinition TypeNameField { get; }

    internal FieldDefinition SchemaField { get; }

    internal FieldDefinition TypeField { get; }

    internal NamedType? FindType(string name) => Types.GetValueOrDefault(name);

    /// <summary>Finds a field on a type, including the meta-fields __typename, __schema and __type.</summary>
    internal FieldDefinition? FindField(NamedType parent, string name)
    {
        if (name.Length > 1 && name[0] == '_' && name[1] == '_')
        {
            if (name == "__typename")
            {
                return parent is ComplexType or UnionType ? TypeNameField : null;
            }

            if (ReferenceEquals(parent, QueryType))
            {
                if (name == "__schema")
                {
                    return SchemaField;
                }

                if (name == "__type")
                {
                    return TypeField;
                }
            }
        }

        return parent is ComplexType complex ? complex.Fields.GetValueOrDefault(name) : null;
    }

    internal ObjectType? RootType(Language.Syntax.OperationType operation) => operation switch
    {
        Language.Syntax.OperationType.Query => QueryType,
        Language.Syntax.OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types an abstract type can be, or the type itself for an object type.</summary>
    internal IReadOnlyList<ObjectType> PossibleTypes(NamedType type) => type switch
    {
        ObjectType o => [o],
        InterfaceType i => i.PossibleTypes,
        UnionType u => u.Types,
        _ => [],
    };

    internal bool IsSubType(NamedType abstractType, NamedType maybeSub) => abstractType switch
    {
        UnionType u => maybeSub is ObjectType o && u.Types.Contains(o),
        InterfaceType i => maybeSub is ComplexType c && c.Implements(i),
        _ => false,
    };

    /// <summary>Prints the schema as SDL, in graphql-js <c>printSchema</c> format.</summary>
    /// <returns>The SDL text.</returns>
    public string ToSdl() => _sdl ??= SchemaPrinter.Print(this);

    /// <summary>Creates an executor for this schema.</summary>
    /// <param name="options">Limits and behaviour; defaults when null.</param>
    /// <returns>A reusable, thread-safe executor.</returns>
    public RequestExecutor CreateExecutor(ExecutionOptions? options = null) => new(this, options ?? new ExecutionOptions());
}
