namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports lives in this class; this part: validation rule messages (graphql-js wording).</summary>
internal static partial class Messages
{
    public const string AnonymousNotAlone = "This anonymous operation must be the only defined operation.";

    public const string AnonymousSubscriptionIntrospection = "Anonymous Subscription must not select an introspection top level field.";

    public const string AnonymousSubscriptionSingleField = "Anonymous Subscription must select only one top level field.";

    public static string BadVariablePosition(string name, string variableType, string expected) =>
        $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{expected}\".";

    public static string CompositeWithoutSelection(string field, string type) =>
        $"Field \"{field}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field} {{ ... }}\"?";

    public static string ConflictingTypes(string a, string b) =>
        $"they return conflicting types \"{a}\" and \"{b}\"";

    public const string DifferentArguments = "they have differing arguments";

    public static string DifferentFields(string a, string b) =>
        $"\"{a}\" and \"{b}\" are different fields";

    public static string DuplicateArgument(string name) =>
        $"There can be only one argument named \"{name}\".";

    public static string DuplicateDirective(string name) =>
        $"The directive \"@{name}\" can only be used once at this location.";

    public static string DuplicateFragmentName(string name) =>
        $"There can be only one fragment named \"{name}\".";

    public static string DuplicateInputField(string name) =>
        $"There can be only one input field named \"{name}\".";

    public static string DuplicateOperationName(string name) =>
        $"There can be only one operation named \"{name}\".";

    public static string DuplicateVariable(string name) =>
        $"There can be only one variable named \"${name}\".";

    public static string ExpectedValue(string type, string value) =>
        $"Expected value of type \"{type}\", found {value}.";

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

    public const string IntrospectionTooDeep = "Maximum introspection depth exceeded";

    public static string LeafWithSelection(string field, string type) =>
        $"Field \"{field}\" must not have a selection since type \"{type}\" has no subfields.";

    public static string MisplacedDirective(string name, string location) =>
        $"Directive \"@{name}\" may not be used on {location}.";

    public static string MissingRequiredArgument(string owner, string argument, string type) =>
        $"{owner} argument \"{argument}\" of type \"{type}\" is required, but it was not provided.";

    public static string NonExecutableDefinition(string name) =>
        $"The \"{name}\" definition is not executable.";

    public static string OneOfNullableVariable(string name, string type) =>
        $"Variable \"${name}\" must be non-nullable to be used for OneOf Input Object \"{type}\".";

    public static string OperationTypeNotSupported(Language.Syntax.OperationType operation) =>
        $"The schema does not support {operation.ToString().ToLowerInvariant()} operations.";

    public static string SubfieldsConflict(IEnumerable<(string Name, string Reason)> conflicts) =>
        string.Join(" and ", conflicts.Select(c => $"subfields \"{c.Name}\" conflict because {c.Reason}"));

    public static string SubscriptionIntrospection(string name) =>
        $"Subscription \"{name}\" must not select an introspection top level field.";

    public static string SubscriptionSingleField(string name) =>
        $"Subscription \"{name}\" must select only one top level field.";

    public static string UndefinedVariable(string name, string? operation) =>
        operation is null ? $"Variable \"${name}\" is not defined." : $"Variable \"${name}\" is not defined by operation \"{operation}\".";

    public static string UnknownArgument(string name, string type, string field) =>
        $"Unknown argument \"{name}\" on field \"{type}.{field}\".";

    public static string UnknownDirective(string name) =>
        $"Unknown directive \"@{name}\".";

    public static string UnknownDirectiveArgument(string name, string directive) =>
        $"Unknown argument \"{name}\" on directive \"@{directive}\".";

    public static string UnknownField(string field, string type) =>
        $"Cannot query field \"{field}\" on type \"{type}\".";

    public static string UnknownFragment(string name) =>
        $"Unknown fragment \"{name}\".";

    public static string UnknownType(string name) =>
        $"Unknown type \"{name}\".";

    public static string UnusedFragment(string name) =>
        $"Fragment \"{name}\" is never used.";

    public static string UnusedVariable(string name, string? operation) =>
        operation is null ? $"Variable \"${name}\" is never used." : $"Variable \"${name}\" is never used in operation \"{operation}\".";

    public static string VariableNotInputType(string name, string type) =>
        $"Variable \"${name}\" cannot be non-input type \"{type}\".";
}
