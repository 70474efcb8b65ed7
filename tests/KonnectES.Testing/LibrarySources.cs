using System.Text.RegularExpressions;

namespace KonnectES.Testing;

/// <summary>
/// Reads a library's own source files, so each domain-free library's tests can check that no word of the
/// platform's domain slipped into it.
/// </summary>
public static partial class LibrarySources
{
    /// <summary>The repository root: the first folder above the test binaries that holds Directory.Packages.props.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// Every line of the project's .cs and .csproj files (under <c>src/&lt;project&gt;</c>, build output excluded) that
    /// uses a word of the platform's domain in any case or spacing, as <c>file:line: text</c>.
    /// </summary>
    public static IReadOnlyList<string> DomainWordsIn(string project)
    {
        var root = Path.Combine(RepositoryRoot, "src", project);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No source files under {root}");
        }

        return files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => DomainWords().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"gate[\s_\-]*way|kong|up[\s_\-]*stream|plug[\s_\-]*in|control[\s_\-]*plane|data[\s_\-]*plane", RegexOptions.IgnoreCase)]
    private static partial Regex DomainWords();
}
