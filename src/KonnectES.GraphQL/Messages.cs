namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports, in one place (wording follows graphql-js where one exists).</summary>
internal static class Messages
{
    public static string AbstractTypeUnresolved(string type, string parent, string field) =>
        $"Abstract type \"{type}\" must resolve to an Object type at runtime for field \"{parent}.{field}\".";

    public const string AnonymousNotAlone = "This anonymous operation must be the only defined operation.";

    public const string AnonymousSubscriptionIntrospection = "Anonymous Subscription must not select an introspection top level field.";

    public const string AnonymousSubscriptionSingleField = "Anonymous Subscription must select only one top level field.";

    public static string AtField(string field, string error) =>
        $"At \"{field}\": {error}";

    public static string AtIndex(int index, string error) =>
        $"At index {index}: {error}";

    public static string BadVariablePosition(string name, string variableType, string expected) =>
        $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{expected}\".";

    public const string Cancelled = "The operation was cancelled.";

    public static string CompositeWithoutSelection(string field, string type) =>
        $"Field \"{field}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field} {{ ... }}\"?";

    public static string ConflictingTypes(string a, string b) =>
        $"they return conflicting types \"{a}\" and \"{b}\"";

    public const string DifferentArguments = "they have differing arguments";

    public static string DifferentFields(string a, string b) =>
        $"\"{a}\" and \"{b}\" are different fields";

    public static string DocumentTooLong(int max) =>
        $"Document exceeds the maximum length of {max} characters.";

    public static string DuplicateArgument(string name) =>
        $"There can be only one argument named \"{name}\".";

    public static string DuplicateDirective(string name) =>
        $"The directive \"@{name}\" can only be used once at this location.";

    public static string DuplicateEnumValue(string type, string value) =>
        $"Enum value \"{type}.{value}\" can only be defined once.";

    public static string DuplicateField(string type, string field) =>
        $"Field \"{type}.{field}\" can only be defined once.";

    public static string DuplicateFragmentName(string name) =>
        $"There can be only one fragment named \"{name}\".";

    public static string DuplicateInputField(string name) =>
        $"There can be only one input field named \"{name}\".";

    public static string DuplicateOperationName(string name) =>
        $"There can be only one operation named \"{name}\".";

    public static string DuplicateType(string name) =>
        $"There can be only one type named \"{name}\".";

    public static string DuplicateVariable(string name) =>
        $"There can be only one variable named \"${name}\".";

    public static string EnumCannotRepresent(string type, string value) =>
        $"Enum \"{type}\" cannot represent value: {value}";

    public const string ExecutableInSchema = "Schema documents may only contain type system definitions.";

    public static string Expected(string expected, string found) =>
        $"Expected {expected}, found {found}.";

    public static string ExpectedDigit(string found) =>
        $"Invalid number, expected digit but got: {found}.";

    public static string ExpectedInputObject(string type, string value) =>
        $"Expected type \"{type}\" to be an object, found {value}.";

    public static string ExpectedIterable(string type, string field) =>
        $"Expected Iterable, but did not find one for field \"{type}.{field}\".";

    public static string ExpectedNonNull(string type) =>
        $"Expected non-nullable type \"{type}\" not to be null.";

    public static string ExpectedValue(string type, string value) =>
        $"Expected value of type \"{type}\", found {value}.";

    public static string ExtensionKindMismatch(string name) =>
        $"Type \"{name}\" is extended or defined as a different kind of type.";

    public static string ExtensionOfUnknownType(string name) =>
        $"Cannot extend type \"{name}\" because it is not defined.";

    public static string FieldsConflict(string name, string reason) =>
        $"Fields \"{name}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.";

    public static string FragmentCycle(string name) =>
        $"Cannot spread fragment \"{name}\" within itself.";

    public static string FragmentOnNonComposite(string name, string type) =>
        $"Fragment \"{name}\" cannot condition on non composite type \"{type}\".";

    public static string ImpossibleInlineFragment(string parent, string type) =>
        $"Fragment cannot be spread here as objects of type \"{parent}\" can never be of type \"{type}\".";

    public static string ImpossibleSpread(string name, string parent, string type) =>
        $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent}\" can never be of type \"{type}\".";

    public static string InlineFragmentOnNonComposite(string type) =>
        $"Fragment cannot condition on non composite type \"{type}\".";

    public static string InterfaceArgument(string type, string iface, string field, string argument) =>
        $"{type}.{field}({argument}:) must match the argument {iface}.{field}({argument}:).";

    public static string InterfaceFieldType(string type, string iface, string field) =>
        $"{type}.{field} must return a type compatible with {iface}.{field}.";

    public const string IntrospectionTooDeep = "Maximum introspection depth exceeded";

    public static string InvalidArgument(string name, string error) =>
        $"Argument \"{name}\" has invalid value: {error}";

    public static string InvalidCharacter(string c) =>
        $"Invalid character: {c}.";

    public static string InvalidCharacterInString(string c) =>
        $"Invalid character within String: {c}.";

    public static string InvalidDefault(string name, string error) =>
        $"Invalid default value for \"{name}\": {error}";

    public static string InvalidEscape(string text) =>
        $"Invalid character escape sequence: \"{text}\".";

    public static string InvalidUnicodeEscape(string text) =>
        $"Invalid Unicode escape sequence: \"{text}\".";

    public static string InvalidVariable(string name, string error) =>
        $"Variable \"${name}\" got invalid value; {error}";

    public static string LeafWithSelection(string field, string type) =>
        $"Field \"{field}\" must not have a selection since type \"{type}\" has no subfields.";

    public static string MisplacedDirective(string name, string location) =>
        $"Directive \"@{name}\" may not be used on {location}.";

    public static string MissingArgument(string type, string field, string argument) =>
        $"Argument \"{argument}\" of required type for field \"{type}.{field}\" was not provided.";

    public static string MissingInterfaceField(string type, string iface, string field) =>
        $"Interface field {iface}.{field} expected but {type} does not provide it.";

    public static string MissingRequiredArgument(string owner, string argument, string type) =>
        $"{owner} argument \"{argument}\" of type \"{type}\" is required, but it was not provided.";

    public static string MissingTransitiveInterface(string type, string iface, string inherited) =>
        $"Type {type} must implement {inherited} because it is implemented by {iface}.";

    public static string NoFields(string type) =>
        $"Type {type} must define one or more fields or members.";

    public const string NoOperation = "Must provide an operation.";

    public const string NoQueryType = "Query root type must be provided.";

    public const string NoSubscriber = "The subscription root field has no source stream.";

    public static string NonExecutableDefinition(string name) =>
        $"The \"{name}\" definition is not executable.";

    public static string NotAnInterface(string type, string name) =>
        $"Type {type} can only implement interfaces, and {name} is not one.";

    public static string NotInputType(string name, string type) =>
        $"The type of \"{name}\" must be an input type, but got \"{type}\".";

    public static string NotOutputType(string name, string type) =>
        $"The type of \"{name}\" must be an output type, but got \"{type}\".";

    public static string NullForNonNull(string type, string field) =>
        $"Cannot return null for non-nullable field {type}.{field}.";

    public static string NullVariableForNonNull(string name, string type) =>
        $"Variable \"${name}\" of non-null type \"{type}\" must not be null.";

    public static string OneOfExactlyOne(string type) =>
        $"OneOf Input Object \"{type}\" must specify exactly one key.";

    public static string OneOfNotNull(string type, string field) =>
        $"Field \"{type}.{field}\" must be non-null.";

    public static string OneOfNullableVariable(string name, string type) =>
        $"Variable \"${name}\" must be non-nullable to be used for OneOf Input Object \"{type}\".";

    public const string OperationNameRequired = "Must provide operation name if query contains multiple operations.";

    public static string OperationTypeNotSupported(Language.Syntax.OperationType operation) =>
        $"The schema does not support {operation.ToString().ToLowerInvariant()} operations.";

    public static string RequiredInputField(string type, string field, string fieldType) =>
        $"Field \"{type}.{field}\" of required type \"{fieldType}\" was not provided.";

    public static string RequiredVariable(string name, string type) =>
        $"Variable \"${name}\" of required type \"{type}\" was not provided.";

    public static string ReservedEnumValue(string name) =>
        $"Name \"{name}\" is reserved and cannot be used for an enum value.";

    public static string ReservedName(string name) =>
        $"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.";

    public static string RootNotObject(string name) =>
        $"Root type \"{name}\" must be an object type.";

    public static string ScalarCannotRepresent(string type, string value) =>
        $"{type} cannot represent value: {value}";

    public static string ScalarCannotRepresentLiteral(string type, Language.Syntax.ValueNode literal) =>
        $"{type} cannot represent value: {Language.Printer.Print(literal)}";

    public static string SubfieldsConflict(IEnumerable<(string Name, string Reason)> conflicts) =>
        string.Join(" and ", conflicts.Select(c => $"subfields \"{c.Name}\" conflict because {c.Reason}"));

    public static string SubscriptionIntrospection(string name) =>
        $"Subscription \"{name}\" must not select an introspection top level field.";

    public const string SubscriptionNeedsStream = "Subscriptions need a streaming transport (graphql-transport-ws).";

    public static string SubscriptionSingleField(string name) =>
        $"Subscription \"{name}\" must select only one top level field.";

    public static string TooCostly(double cost, int max) =>
        $"The operation costs {cost:0} which exceeds the maximum cost of {max}.";

    public static string TooDeep(int max) =>
        $"Document nesting exceeds the maximum depth of {max}.";

    public static string TooDeepQuery(int max) =>
        $"The operation exceeds the maximum depth of {max}.";

    public static string TooManyAliases(int max) =>
        $"The document uses more than {max} aliases.";

    public static string TooManyFields(int max) =>
        $"The document selects more than {max} fields.";

    public static string TooManyTokens(int max) =>
        $"Document contains more than {max} tokens. Parsing aborted.";

    public static string UndefinedVariable(string name, string? operation) =>
        operation is null ? $"Variable \"${name}\" is not defined." : $"Variable \"${name}\" is not defined by operation \"{operation}\".";

    public static string Unexpected(string found) =>
        $"Unexpected {found}.";

    public static string UnexpectedCharacter(string c) =>
        $"Unexpected character: {c}.";

    public const string UnexpectedDescription = "Unexpected description, only GraphQL definitions support descriptions.";

    public static string UnexpectedDigitAfterZero(string c) =>
        $"Invalid number, unexpected digit after 0: {c}.";

    public const string UnexpectedError = "Unexpected error.";

    public static string UnexpectedVariable(string name) =>
        $"Unexpected variable \"${name}\" in constant value.";

    public static string UnionMemberNotObject(string union, string member) =>
        $"Union type {union} can only include Object types, it cannot include {member}.";

    public static string UnknownAbstractType(string name) =>
        $"\"{name}\" is not an interface or union type of the schema.";

    public static string UnknownArgument(string name, string type, string field) =>
        $"Unknown argument \"{name}\" on field \"{type}.{field}\".";

    public static string UnknownDirective(string name) =>
        $"Unknown directive \"@{name}\".";

    public static string UnknownDirectiveArgument(string name, string directive) =>
        $"Unknown argument \"{name}\" on directive \"@{directive}\".";

    public static string UnknownEnumType(string name) =>
        $"\"{name}\" is not an enum type of the schema.";

    public static string UnknownField(string field, string type) =>
        $"Cannot query field \"{field}\" on type \"{type}\".";

    public static string UnknownFieldBinding(string type, string field) =>
        $"A resolver is bound to \"{type}.{field}\", which the schema does not define.";

    public static string UnknownFragment(string name) =>
        $"Unknown fragment \"{name}\".";

    public static string UnknownInputField(string field, string type) =>
        $"Field \"{field}\" is not defined by type \"{type}\".";

    public static string UnknownObjectType(string name) =>
        $"\"{name}\" is not an object type of the schema.";

    public static string UnknownOperation(string name) =>
        $"Unknown operation named \"{name}\".";

    public static string UnknownType(string name) =>
        $"Unknown type \"{name}\".";

    public static string UnknownTypeInSchema(string name) =>
        $"Unknown type \"{name}\".";

    public const string UnterminatedString = "Unterminated string.";

    public static string UnusedFragment(string name) =>
        $"Fragment \"{name}\" is never used.";

    public static string UnusedVariable(string name, string? operation) =>
        operation is null ? $"Variable \"${name}\" is never used." : $"Variable \"${name}\" is never used in operation \"{operation}\".";

    public static string VariableNotInputType(string name, string type) =>
        $"Variable \"${name}\" cannot be non-input type \"{type}\".";

    public const string MethodNotAllowed = "GraphQL requests use GET or POST.";

    public const string NotAcceptable = "The Accept header allows neither application/graphql-response+json nor application/json.";

    public const string MutationOverGet = "Only query operations can be sent with GET; use POST.";

    public const string MissingQuery = "The request has no query string.";

    public const string VariablesNotMap = "The variables parameter must be a JSON object.";

    public const string ExtensionsNotMap = "The extensions parameter must be a JSON object.";

    public const string NotJson = "The request body is not valid JSON.";

    public const string UnsupportedContentType = "POST requests must have the content type application/json.";

    public const string BodyNotObject = "The request body must be a JSON object.";

    public const string QueryNotString = "The query parameter must be a string.";

    public const string OperationNameNotString = "The operationName parameter must be a string.";

    public static string BodyTooLarge(long max) =>
        $"The request body exceeds {max} bytes.";

    public const string TooManySubscriptions = "Too many subscriptions on this connection.";

    public const string DescriptionOnShorthand = "Unexpected description, descriptions are not supported on shorthand queries.";

    public const string FirstAndLast = "Pass either first or last, not both.";

    public static string NegativeCount(string name) =>
        $"\"{name}\" must not be negative.";

    public static string PageTooLarge(string name, int max) =>
        $"\"{name}\" must not exceed {max}.";

    public static string InvalidCursor(string cursor) =>
        $"\"{cursor}\" is not a valid cursor.";
}
