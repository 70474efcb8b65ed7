using KonnectES.GraphQL.Types;
using KonnectES.Testing;

namespace KonnectES.GraphQL.Tests;

public sealed class KeepingTheLibraryDomainFree
{
    [Fact]
    public void No_source_file_uses_the_host_vocabulary()
    {
        var offenders = LibrarySources.DomainWordsIn("KonnectES.GraphQL");

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_library_references_no_other_KonnectES_assembly()
    {
        var references = typeof(Schema).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("KonnectES.", StringComparison.Ordinal));
    }
}
