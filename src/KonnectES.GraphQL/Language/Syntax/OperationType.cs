namespace KonnectES.GraphQL.Language.Syntax;

/// <summary>The three root operation types.</summary>
internal enum OperationType
{
    Query,
    Mutation,
    Subscription,
}
