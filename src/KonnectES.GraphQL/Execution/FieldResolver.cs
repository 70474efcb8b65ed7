namespace KonnectES.GraphQL.Execution;

/// <summary>Resolves the value of one field; may complete synchronously.</summary>
/// <param name="context">The parent value, arguments, services, user and cancellation token.</param>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);
