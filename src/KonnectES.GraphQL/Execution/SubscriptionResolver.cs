namespace KonnectES.GraphQL.Execution;

/// <summary>Creates the source event stream of a subscription root field; disposing the enumerator unsubscribes.</summary>
/// <param name="context">The arguments, services, user and cancellation token of the subscription.</param>
public delegate IAsyncEnumerable<object?> SubscriptionResolver(IResolverContext context);
