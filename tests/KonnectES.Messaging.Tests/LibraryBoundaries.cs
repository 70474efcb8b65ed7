namespace KonnectES.Messaging.Tests;

public sealed class LibraryBoundaries
{
    [Fact]
    public void The_library_sources_never_use_a_word_of_the_platform_domain()
    {
        // When every source and project file of the library is searched for the banned words, in any case or spacing
        var hits = LibrarySources.DomainWordsIn("KonnectES.Messaging");

        // Then there are none
        Assert.Empty(hits);
    }

    [Fact]
    public void The_library_references_only_the_base_library_microsoft_extensions_and_npgsql()
    {
        // When
        var references = typeof(IOutbox).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Then
        Assert.Contains("Npgsql", references);
        Assert.DoesNotContain(references, name => name.StartsWith("KonnectES", StringComparison.Ordinal));
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || name is "Npgsql" or "netstandard" or "mscorlib",
            $"unexpected reference {name}"));
    }

    [Fact]
    public void The_public_surface_stays_small()
    {
        // When
        var exported = typeof(IOutbox).Assembly.GetExportedTypes().Select(t => t.Name).Order().ToList();

        // Then
        Assert.True(exported.Count <= 25, string.Join(", ", exported));
        Assert.DoesNotContain("MessagingNode", exported);
        Assert.DoesNotContain("Outbox", exported);
    }
}
