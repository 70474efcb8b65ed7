namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports lives in this class; this part: problems in a schema given to the builder.</summary>
internal static partial class Messages
{
    public static string DuplicateEnumValue(string type, string value) =>
        $"Enum value \"{type}.{value}\" can only be defined once.";

    public static string DuplicateField(string type, string field) =>
        $"Field \"{type}.{field}\" can only be defined once.";

    public static string DuplicateType(string name) =>
        $"There can be only one type named \"{name}\".";

    public const string ExecutableInSchema = "Schema documents may only contain type system definitions.";

    public static string ExtensionKindMismatch(string name) =>
        $"Type \"{name}\" is extended or defined as a different kind of type.";

    public static string ExtensionOfUnknownType(string name) =>
        $"Cannot extend type \"{name}\" because it is not defined.";

    public static string InterfaceArgument(string type, string iface, string field, string argument) =>
        $"{type}.{field}({argument}:) must match the argument {iface}.{field}({argument}:).";

    public static string InterfaceFieldType(string type, string iface, string field) =>
        $"{type}.{field} must return a type compatible with {iface}.{field}.";

    public static string InvalidDefault(string name, string error) =>
        $"Invalid default value for \"{name}\": {error}";

    public static string MissingInterfaceField(string type, string iface, string field) =>
        $"Interface field {iface}.{field} expected but {type} does not provide it.";

    public static string MissingTransitiveInterface(string type, string iface, string inherited) =>
        $"Type {type} must implement {inherited} because it is implemented by {iface}.";

    public static string NoFields(string type) =>
        $"Type {type} must define one or more fields or members.";

    public const string NoQueryType = "Query root type must be provided.";

    public static string NotAnInterface(string type, string name) =>
        $"Type {type} can only implement interfaces, and {name} is not one.";

    public static string NotOutputType(string name, string type) =>
        $"The type of \"{name}\" must be an output type, but got \"{type}\".";

    public static string ReservedName(string name) =>
        $"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.";

    public static string RootNotObject(string name) =>
        $"Root type \"{name}\" must be an object type.";

    public static string UnionMemberNotObject(string union, string member) =>
        $"Union type {union} can only include Object types, it cannot include {member}.";

    public static string UnknownAbstractType(string name) =>
        $"\"{name}\" is not an interface or union type of the schema.";

    public static string UnknownEnumType(string name) =>
        $"\"{name}\" is not an enum type of the schema.";

    public static string UnknownFieldBinding(string type, string field) =>
        $"A resolver is bound to \"{type}.{field}\", which the schema does not define.";

    public static string UnknownObjectType(string name) =>
        $"\"{name}\" is not an object type of the schema.";

    public static string UnknownTypeInSchema(string name) =>
        $"Unknown type \"{name}\".";

    public static string InputCycle(string type) =>
        $"Input object \"{type}\" references itself through non-null fields, so no value can be written.";
}
