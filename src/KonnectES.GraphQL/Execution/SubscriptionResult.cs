namespace KonnectES.GraphQL.Execution;

/// <summary>
/// What <see cref="RequestExecutor.SubscribeAsync"/> returns: either a request error, a single result (the
/// operation was a query or mutation), or a stream of results, one per source event.
/// </summary>
public sealed class SubscriptionResult
{
    internal SubscriptionResult(ExecutionResult? single, IAsyncEnumerable<ExecutionResult>? stream)
    {
        Single = single;
        Stream = stream;
    }

    /// <summary>The result when there is no stream: a request error, or the result of a query or mutation.</summary>
    public ExecutionResult? Single { get; }

    /// <summary>The event results of a subscription; disposing its enumerator unsubscribes from the source.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; }
}
