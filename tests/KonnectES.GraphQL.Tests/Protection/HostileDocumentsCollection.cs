namespace KonnectES.GraphQL.Tests.Protection;

/// <summary>Timing tests run alone, so other tests do not steal their CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileDocumentsCollection
{
    public const string Name = "Hostile documents";
}
