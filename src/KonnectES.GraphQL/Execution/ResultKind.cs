namespace KonnectES.GraphQL.Execution;

/// <summary>What produced a result; the HTTP transport picks status codes from it.</summary>
internal enum ResultKind
{
    Execution,
    Syntax,
    Validation,
    OperationSelection,
    Variables,
    Refused,
}
