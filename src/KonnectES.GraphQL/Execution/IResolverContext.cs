using System.Security.Claims;

namespace KonnectES.GraphQL.Execution;

/// <summary>What a resolver gets: its parent value, arguments and the request's services, user and token.</summary>
public interface IResolverContext
{
    /// <summary>The value the parent field resolved to (the root value for root fields).</summary>
    public object? Parent { get; }

    /// <summary>The name of the field being resolved.</summary>
    public string FieldName { get; }

    /// <summary>The name of the object type the field belongs to.</summary>
    public string TypeName { get; }

    /// <summary>The coerced arguments, defaults applied; absent arguments without default are missing.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The request's service provider.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The authenticated user, if the transport supplied one.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>A bag of request-scoped values the host filled in (for example from the HTTP request or the WebSocket init payload).</summary>
    public IDictionary<string, object?> Items { get; }

    /// <summary>Cancelled when the request is aborted or the subscription ends.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reads the parent value as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The CLR type of the parent.</typeparam>
    /// <returns>The parent value.</returns>
    public T GetParent<T>();

    /// <summary>Reads an argument converted to <typeparamref name="T"/> (input objects are bound by property name).</summary>
    /// <typeparam name="T">The CLR type wanted.</typeparam>
    /// <param name="name">The argument name.</param>
    /// <returns>The value, or default when the argument is absent or null.</returns>
    public T Argument<T>(string name);

    /// <summary>Whether the argument was given (or has a default), even if null.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>True when present.</returns>
    public bool HasArgument(string name);

    /// <summary>Gets the request's instance of a DataLoader, creating it on first use.</summary>
    /// <typeparam name="TLoader">The DataLoader type; created through the service provider.</typeparam>
    /// <returns>The per-request instance.</returns>
    public TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader;
}
