namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>An empty variable map: during validation a variable inside a custom scalar literal is simply absent.</summary>
internal static class ValidationVariables
{
    public static readonly IReadOnlyDictionary<string, object?> Instance = new Dictionary<string, object?>();
}
