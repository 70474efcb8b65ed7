namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports lives in this class; this part: transport refusals.</summary>
internal static partial class Messages
{
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
}
