using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL, code-first type definitions, or both, and binds resolvers by
/// type and field name. Fields with no resolver read the same-named property (or dictionary key) of the parent.
/// </summary>
public sealed class SchemaBuilder
{
    private readonly List<string> _sdl = [];
    private readonly List<ObjectTypeBuilder> _objects = [];

    internal Dictionary<(string Type, string Field), FieldResolver> Resolvers { get; } = [];

    internal Dictionary<(string Type, string Field), SubscriptionResolver> Subscribers { get; } = [];

    internal Dictionary<string, ScalarType> ScalarTypes { get; } = new(StringComparer.Ordinal);

    internal List<(Type ClrType, string TypeName)> RuntimeTypes { get; } = [];

    internal Dictionary<string, AbstractTypeResolver> TypeResolvers { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Type> EnumBindings { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds type system definitions and extensions written in SDL.</summary>
    /// <param name="sdl">The SDL text; parsed when <see cref="Build"/> runs.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder AddTypeDefinitions(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        _sdl.Add(sdl);
        return this;
    }

    /// <summary>Registers a scalar implementation; SDL <c>scalar Name</c> declarations bind to it, and it is added if used but not declared.</summary>
    /// <param name="scalar">The scalar, e.g. <see cref="Scalars.DateTime"/>.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        ScalarTypes[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Defines an object type in code, or extends one the SDL defines.</summary>
    /// <param name="name">The type name.</param>
    /// <param name="configure">Adds fields, interfaces and a description.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ObjectTypeBuilder(this, name);
        configure(builder);
        _objects.Add(builder);
        return this;
    }

    /// <summary>Defines or extends the <c>Query</c> type.</summary>
    /// <param name="configure">Adds fields.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Query(Action<ObjectTypeBuilder> configure) => Object("Query", configure);

    /// <summary>Defines or extends the <c>Mutation</c> type; its root fields run one after another.</summary>
    /// <param name="configure">Adds fields.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Mutation(Action<ObjectTypeBuilder> configure) => Object("Mutation", configure);

    /// <summary>Defines or extends the <c>Subscription</c> type.</summary>
    /// <param name="configure">Adds fields with <see cref="FieldBuilder.Subscribe"/>.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Subscription(Action<ObjectTypeBuilder> configure) => Object("Subscription", configure);

    /// <summary>Binds a resolver to a field defined in SDL.</summary>
    /// <param name="typeName">The object or interface type.</param>
    /// <param name="fieldName">The field.</param>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Resolve(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Resolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>Binds a synchronous resolver to a field defined in SDL.</summary>
    /// <param name="typeName">The object or interface type.</param>
    /// <param name="fieldName">The field.</param>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Resolve(string typeName, string fieldName, Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, context => new ValueTask<object?>(resolver(context)));
    }

    /// <summary>Binds a typed async resolver to a field defined in SDL.</summary>
    /// <typeparam name="TResult">The resolver's result type.</typeparam>
    /// <param name="typeName">The object or interface type.</param>
    /// <param name="fieldName">The field.</param>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder ResolveAsync<TResult>(string typeName, string fieldName, Func<IResolverContext, Task<TResult>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve(typeName, fieldName, FieldBuilder.Adapt(resolver));
    }

    /// <summary>Binds the source stream of a subscription root field defined in SDL.</summary>
    /// <param name="typeName">The subscription type.</param>
    /// <param name="fieldName">The field.</param>
    /// <param name="subscribe">Creates the event stream; each event becomes the field's value.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder Subscribe(string typeName, string fieldName, SubscriptionResolver subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        Subscribers[(typeName, fieldName)] = subscribe;
        return this;
    }

    /// <summary>Declares that instances of <typeparamref name="T"/> are of the object type <paramref name="typeName"/> (for interfaces and unions).</summary>
    /// <typeparam name="T">The CLR type.</typeparam>
    /// <param name="typeName">The object type.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder BindRuntimeType<T>(string typeName)
    {
        RuntimeTypes.Add((typeof(T), typeName));
        return this;
    }

    /// <summary>Sets how values of an interface or union are mapped to an object type.</summary>
    /// <param name="abstractTypeName">The interface or union.</param>
    /// <param name="resolver">Returns the object type name for a value.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder ResolveType(string abstractTypeName, AbstractTypeResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        TypeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Binds an enum type to a CLR enum: <c>IN_PROGRESS</c> maps to <c>InProgress</c>.</summary>
    /// <typeparam name="TEnum">The CLR enum.</typeparam>
    /// <param name="enumTypeName">The GraphQL enum type.</param>
    /// <returns>This builder.</returns>
    public SchemaBuilder BindEnum<TEnum>(string enumTypeName)
        where TEnum : struct, Enum
    {
        EnumBindings[enumTypeName] = typeof(TEnum);
        return this;
    }

    /// <summary>Parses, merges, binds and validates everything added so far.</summary>
    /// <returns>The schema.</returns>
    /// <exception cref="SchemaException">The definitions do not form a valid schema.</exception>
    /// <exception cref="SyntaxException">Some SDL does not parse.</exception>
    public Schema Build()
    {
        var documents = new List<DocumentNode>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in _sdl)
        {
            var document = Parser.Parse(text, new ParserOptions { MaxTokens = int.MaxValue, MaxLength = int.MaxValue });
            documents.Add(document);
            foreach (var definition in document.Definitions)
            {
                if (definition is TypeDefinitionNode { IsExtension: false } type)
                {
                    defined.Add(type.Name);
                }
            }
        }

        var firstSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in _objects)
        {
            var isExtension = defined.Contains(obj.Name) || !firstSeen.Add(obj.Name);
            documents.Add(Parser.Parse(obj.ToSdl(isExtension), new ParserOptions { MaxTokens = int.MaxValue, MaxLength = int.MaxValue }));
        }

        return new SchemaFactory(this, documents).Create();
    }
}
