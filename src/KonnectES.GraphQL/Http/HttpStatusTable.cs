using KonnectES.GraphQL.Execution;

namespace KonnectES.GraphQL.Http;

/// <summary>
/// The status codes of GraphQL over HTTP (the May 2025 text the graphql-http 1.23 audits encode), kept in one
/// table so they can follow the 2026 draft (422 and 294) later.
/// </summary>
internal static class HttpStatusTable
{
    public const int MalformedRequest = 400;

    public const int MutationOverGet = 405;

    public const int UnsupportedMediaType = 415;

    public const int NotAcceptable = 406;

    public const int PayloadTooLarge = 413;

    /// <summary>The status of a result: legacy application/json always gets 200 once the request is well formed.</summary>
    public static int For(ExecutionResult result, bool graphQLResponseJson)
    {
        if (!graphQLResponseJson || result.HasData)
        {
            return 200;
        }

        return result.Kind switch
        {
            ResultKind.Syntax or ResultKind.Validation or ResultKind.OperationSelection or ResultKind.Variables or ResultKind.Refused => 400,
            _ => 500,
        };
    }
}
