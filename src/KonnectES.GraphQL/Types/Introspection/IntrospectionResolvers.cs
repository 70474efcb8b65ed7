using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;

namespace KonnectES.GraphQL.Types.Introspection;

/// <summary>Resolvers of the introspection types (spec §4.2), reading the schema model directly.</summary>
internal static class IntrospectionResolvers
{
    public static readonly FieldResolver TypeName = context => new ValueTask<object?>(context.TypeName);

    public static FieldResolver TypeByName(Schema schema) => context =>
        new ValueTask<object?>(schema.FindType((string)context.Arguments["name"]!));

    public static void Bind(Dictionary<string, NamedType> types)
    {
        Set(types, "__Schema", "description", (Schema s, IResolverContext _) => s.Description);
        Set(types, "__Schema", "types", (Schema s, IResolverContext _) => s.Types.Values.ToArray());
        Set(types, "__Schema", "queryType", (Schema s, IResolverContext _) => s.QueryType);
        Set(types, "__Schema", "mutationType", (Schema s, IResolverContext _) => s.MutationType);
        Set(types, "__Schema", "subscriptionType", (Schema s, IResolverContext _) => s.SubscriptionType);
        Set(types, "__Schema", "directives", (Schema s, IResolverContext _) => s.Directives.Values.ToArray());

        Set(types, "__Type", "kind", (GraphType t, IResolverContext _) => KindName(t.Kind));
        Set(types, "__Type", "name", (GraphType t, IResolverContext _) => (t as NamedType)?.Name);
        Set(types, "__Type", "description", (GraphType t, IResolverContext _) => (t as NamedType)?.Description);
        Set(types, "__Type", "specifiedByURL", (GraphType t, IResolverContext _) => (t as ScalarGraphType)?.SpecifiedByUrl);
        Set(types, "__Type", "fields", (GraphType t, IResolverContext c) => t is ComplexType complex
            ? complex.FieldList.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToArray()
            : null);
        Set(types, "__Type", "interfaces", (GraphType t, IResolverContext _) => (t as ComplexType)?.Interfaces.ToArray());
        Set(types, "__Type", "possibleTypes", (GraphType t, IResolverContext _) => t switch
        {
            InterfaceType i => i.PossibleTypes.ToArray(),
            UnionType u => u.Types.ToArray(),
            _ => null,
        });
        Set(types, "__Type", "enumValues", (GraphType t, IResolverContext c) => t is EnumType e
            ? e.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToArray()
            : null);
        Set(types, "__Type", "inputFields", (GraphType t, IResolverContext c) => t is InputObjectType input
            ? input.FieldList.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToArray()
            : null);
        Set(types, "__Type", "ofType", (GraphType t, IResolverContext _) => t switch
        {
            ListType l => l.OfType,
            NonNullType n => n.OfType,
            _ => null,
        });
        Set(types, "__Type", "isOneOf", (GraphType t, IResolverContext _) => t is InputObjectType input ? input.IsOneOf : null);

        Set(types, "__Field", "name", (FieldDefinition f, IResolverContext _) => f.Name);
        Set(types, "__Field", "description", (FieldDefinition f, IResolverContext _) => f.Description);
        Set(types, "__Field", "args", (FieldDefinition f, IResolverContext c) =>
            f.ArgumentList.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToArray());
        Set(types, "__Field", "type", (FieldDefinition f, IResolverContext _) => f.Type);
        Set(types, "__Field", "isDeprecated", (FieldDefinition f, IResolverContext _) => f.DeprecationReason is not null);
        Set(types, "__Field", "deprecationReason", (FieldDefinition f, IResolverContext _) => f.DeprecationReason);

        Set(types, "__InputValue", "name", (InputValueDefinition v, IResolverContext _) => v.Name);
        Set(types, "__InputValue", "description", (InputValueDefinition v, IResolverContext _) => v.Description);
        Set(types, "__InputValue", "type", (InputValueDefinition v, IResolverContext _) => v.Type);
        Set(types, "__InputValue", "defaultValue", (InputValueDefinition v, IResolverContext _) =>
            v.DefaultLiteral is null ? null : Printer.Print(ValuePrinter.ToLiteral(v.DefaultValue, v.Type) ?? v.DefaultLiteral));
        Set(types, "__InputValue", "isDeprecated", (InputValueDefinition v, IResolverContext _) => v.DeprecationReason is not null);
        Set(types, "__InputValue", "deprecationReason", (InputValueDefinition v, IResolverContext _) => v.DeprecationReason);

        Set(types, "__EnumValue", "name", (EnumValueDefinition v, IResolverContext _) => v.Name);
        Set(types, "__EnumValue", "description", (EnumValueDefinition v, IResolverContext _) => v.Description);
        Set(types, "__EnumValue", "isDeprecated", (EnumValueDefinition v, IResolverContext _) => v.DeprecationReason is not null);
        Set(types, "__EnumValue", "deprecationReason", (EnumValueDefinition v, IResolverContext _) => v.DeprecationReason);

        Set(types, "__Directive", "name", (DirectiveDefinition d, IResolverContext _) => d.Name);
        Set(types, "__Directive", "description", (DirectiveDefinition d, IResolverContext _) => d.Description);
        Set(types, "__Directive", "isRepeatable", (DirectiveDefinition d, IResolverContext _) => d.IsRepeatable);
        Set(types, "__Directive", "locations", (DirectiveDefinition d, IResolverContext _) => d.Locations);
        Set(types, "__Directive", "args", (DirectiveDefinition d, IResolverContext c) =>
            d.Arguments.Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToArray());
        Set(types, "__Directive", "isDeprecated", (DirectiveDefinition _, IResolverContext _) => false);
        Set(types, "__Directive", "deprecationReason", (DirectiveDefinition _, IResolverContext _) => null);
    }

    private static bool IncludeDeprecated(IResolverContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.Scalar => "SCALAR",
        TypeKind.Object => "OBJECT",
        TypeKind.Interface => "INTERFACE",
        TypeKind.Union => "UNION",
        TypeKind.Enum => "ENUM",
        TypeKind.InputObject => "INPUT_OBJECT",
        TypeKind.List => "LIST",
        _ => "NON_NULL",
    };

    private static void Set<T>(Dictionary<string, NamedType> types, string typeName, string fieldName, Func<T, IResolverContext, object?> read)
    {
        var field = ((ComplexType)types[typeName]).Fields[fieldName];
        field.Resolver = context => new ValueTask<object?>(read((T)context.Parent!, context));
    }
}
