namespace KonnectES.GraphQL.Execution;

/// <summary>Marks a DataLoader: one instance per request, obtained with <see cref="IResolverContext.DataLoader{TLoader}"/>.</summary>
public interface IDataLoader;
