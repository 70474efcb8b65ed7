using System.Text.RegularExpressions;

namespace KonnectES.Messaging.Tests;

public sealed partial class LibraryBoundaries
{
    [Fact]
    public void The_library_sources_never_use_a_word_of_the_platform_domain()
    {
        // Given every source and project file of the library
        var root = Path.Combine(RepositoryRoot(), "src", "KonnectES.Messaging");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        // When they are searched for the banned words, in any case or spacing
        var hits = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => BannedWords().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

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

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"gate[\s_\-]*way|kong|up[\s_\-]*stream|plug[\s_\-]*in|control[\s_\-]*plane|data[\s_\-]*plane", RegexOptions.IgnoreCase)]
    private static partial Regex BannedWords();
}
