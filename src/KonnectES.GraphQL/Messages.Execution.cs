namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports lives in this class; this part: execution, coercion, paging and limit errors.</summary>
internal static partial class Messages
{
    public static string AbstractTypeUnresolved(string type, string parent, string field) =>
        $"Abstract type \"{type}\" must resolve to an Object type at runtime for field \"{parent}.{field}\".";

    public static string AtField(string field, string error) =>
        $"At \"{field}\": {error}";

    public static string AtIndex(int index, string error) =>
        $"At index {index}: {error}";

    public const string Cancelled = "The operation was cancelled.";

    public static string EnumCannotRepresent(string type, string value) =>
        $"Enum \"{type}\" cannot represent value: {value}";

    public static string ExpectedInputObject(string type, string value) =>
        $"Expected type \"{type}\" to be an object, found {value}.";

    public static string ExpectedIterable(string type, string field) =>
        $"Expected Iterable, but did not find one for field \"{type}.{field}\".";

    public static string ExpectedNonNull(string type) =>
        $"Expected non-nullable type \"{type}\" not to be null.";

    public static string InvalidArgument(string name, string error) =>
        $"Argument \"{name}\" has invalid value: {error}";

    public static string InvalidVariable(string name, string error) =>
        $"Variable \"${name}\" got invalid value; {error}";

    public static string MissingArgument(string type, string field, string argument) =>
        $"Argument \"{argument}\" of required type for field \"{type}.{field}\" was not provided.";

    public const string NoOperation = "Must provide an operation.";

    public const string NoSubscriber = "The subscription root field has no source stream.";

    public static string NotInputType(string name, string type) =>
        $"The type of \"{name}\" must be an input type, but got \"{type}\".";

    public static string NullForNonNull(string type, string field) =>
        $"Cannot return null for non-nullable field {type}.{field}.";

    public static string NullVariableForNonNull(string name, string type) =>
        $"Variable \"${name}\" of non-null type \"{type}\" must not be null.";

    public static string OneOfExactlyOne(string type) =>
        $"OneOf Input Object \"{type}\" must specify exactly one key.";

    public static string OneOfNotNull(string type, string field) =>
        $"Field \"{type}.{field}\" must be non-null.";

    public const string OperationNameRequired = "Must provide operation name if query contains multiple operations.";

    public static string RequiredInputField(string type, string field, string fieldType) =>
        $"Field \"{type}.{field}\" of required type \"{fieldType}\" was not provided.";

    public static string RequiredVariable(string name, string type) =>
        $"Variable \"${name}\" of required type \"{type}\" was not provided.";

    public static string ScalarCannotRepresent(string type, string value) =>
        $"{type} cannot represent value: {value}";

    public static string ScalarCannotRepresentLiteral(string type, Language.Syntax.ValueNode literal) =>
        $"{type} cannot represent value: {Language.Printer.Print(literal)}";

    public const string SubscriptionNeedsStream = "Subscriptions need a streaming transport (graphql-transport-ws).";

    public static string TooCostly(double cost, int max) =>
        $"The operation costs {cost:0} which exceeds the maximum cost of {max}.";

    public static string TooDeepQuery(int max) =>
        $"The operation exceeds the maximum depth of {max}.";

    public static string TooManyAliases(int max) =>
        $"The document uses more than {max} aliases.";

    public static string TooManyFields(int max) =>
        $"The document selects more than {max} fields.";

    public const string UnexpectedError = "Unexpected error.";

    public static string UnknownInputField(string field, string type) =>
        $"Field \"{field}\" is not defined by type \"{type}\".";

    public static string UnknownOperation(string name) =>
        $"Unknown operation named \"{name}\".";

    public const string FirstAndLast = "Pass either first or last, not both.";

    public static string NegativeCount(string name) =>
        $"\"{name}\" must not be negative.";

    public static string PageTooLarge(string name, int max) =>
        $"\"{name}\" must not exceed {max}.";

    public static string InvalidCursor(string cursor) =>
        $"\"{cursor}\" is not a valid cursor.";

}
