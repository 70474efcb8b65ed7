using KonnectES.ControlPlane.Auth;
using KonnectES.GraphQL;
using KonnectES.GraphQL.Execution;

namespace KonnectES.ControlPlane.Portal;

/// <summary>What the portal keeps in a request's items: the caller and the correlation id.</summary>
internal static class PortalRequest
{
    public const string CallerKey = "konnectes.caller";
    public const string CorrelationKey = "konnectes.correlationId";

    /// <summary>The authenticated caller, or a GraphQL error UNAUTHENTICATED.</summary>
    public static Caller Caller(IResolverContext context) =>
        context.Items.TryGetValue(CallerKey, out var caller) && caller is Caller c
            ? c
            : throw new GraphQLException("Authentication required: send 'Authorization: Bearer <token>'.", "UNAUTHENTICATED");

    public static string CorrelationId(IResolverContext context) =>
        context.Items.TryGetValue(CorrelationKey, out var id) && id is string s ? s : Guid.NewGuid().ToString("N");

    public static Guid? OptionalId(object? value) => value switch
    {
        null => null,
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        _ => throw new GraphQLException($"'{value}' is not an id (a UUID).", "BAD_USER_INPUT"),
    };

    public static Guid RequiredId(object? value) => OptionalId(value) ?? throw new GraphQLException("An id is required.", "BAD_USER_INPUT");

    public static Dictionary<string, object?> UserError(string code, string message, params IReadOnlyList<string> field) =>
        new() { ["code"] = code, ["message"] = message, ["field"] = field.Count == 0 ? null : field };

    public static Dictionary<string, object?> Forbidden() => UserError("FORBIDDEN", "This token may not do that here.");

    public static T Get<T>(this IReadOnlyDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is not null ? (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture) : default!;

    public static IReadOnlyDictionary<string, object?> Input(IResolverContext context) =>
        (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!;
}
