using System.Text.RegularExpressions;
using KonnectES.GraphQL.Tests.Support;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Tests;

public sealed partial class KeepingTheLibraryDomainFree
{
    [Fact]
    public void No_source_file_uses_the_host_vocabulary()
    {
        var source = Path.Combine(Node.RepositoryRoot, "src", "KonnectES.GraphQL");
        var offenders = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Banned().IsMatch(File.ReadAllText(f)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_library_references_no_other_KonnectES_assembly()
    {
        var references = typeof(Schema).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("KonnectES.", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"gateway|kong|upstream|plugin|control[\s_\-]*plane|data[\s_\-]*plane", RegexOptions.IgnoreCase)]
    private static partial Regex Banned();
}
