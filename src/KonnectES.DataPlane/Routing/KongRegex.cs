using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// A regex from a route, compiled the way the traditional_compatible router runs it. Kong hands it to the Rust
/// <c>regex</c> crate, which has no look-around, back-references, atomic groups or conditionals: those are rejected
/// here too, so a configuration that Kong refuses is refused. What remains matches the same way on .NET's
/// interpreted backtracking engine (leftmost-first, like Rust); a match timeout bounds pathological patterns.
/// (The non-backtracking engine would also reject those constructs, but costs milliseconds per pattern to build,
/// far too much for tables of thousands of regex routes.) Group names are taken out of the pattern so that groups are
/// numbered in order of appearance, as in Rust and PCRE (.NET would number named groups after the unnamed ones).
/// </summary>
internal sealed partial class KongRegex
{
    /// <summary>Bounds a single match, so that a pathological pattern cannot hold a request thread.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;
    private readonly ImmutableArray<string?> _groupNames;

    private KongRegex(Regex regex, ImmutableArray<string?> groupNames, string literalPrefix)
    {
        _regex = regex;
        _groupNames = groupNames;
        LiteralPrefix = literalPrefix;
    }

    /// <summary>Text every match starts with (used to index the route); empty when none can be told.</summary>
    public string LiteralPrefix { get; }

    /// <summary>True when the pattern has capture groups (Kong only sets uri_captures then).</summary>
    public bool HasGroups => _groupNames.Length > 0;

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="anchored"/> prefixes it with <c>^</c> as Kong does for paths.</summary>
    public static KongRegex? TryCreate(string pattern, bool anchored, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!TryStripGroupNames(pattern, out var stripped, out var names, out error))
        {
            return null;
        }

        var source = anchored ? "^" + stripped : stripped;
        try
        {
            var regex = new Regex(source, RegexOptions.CultureInvariant, MatchTimeout);
            error = null;
            return new KongRegex(regex, names, anchored ? LiteralPrefixOf(stripped) : "");
        }
        catch (ArgumentException ex)
        {
            error = "invalid regex: " + ex.Message;
        }

        return null;
    }

    /// <summary>Runs the regex; a timeout counts as no match.</summary>
    public Match? Match(string input)
    {
        try
        {
            var match = _regex.Match(input);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>True when the regex finds a match anywhere in <paramref name="input"/>.</summary>
    public bool IsMatch(string input)
    {
        try
        {
            return _regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The captures of <paramref name="match"/> as Kong's uri_captures, or null when the regex has no groups.</summary>
    public UriCaptures? Captures(Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!HasGroups)
        {
            return null;
        }

        var positional = ImmutableArray.CreateBuilder<string?>(_groupNames.Length + 1);
        var named = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        positional.Add(match.Value);
        for (var i = 0; i < _groupNames.Length; i++)
        {
            var group = match.Groups[i + 1];
            positional.Add(group.Success ? group.Value : null);
            if (_groupNames[i] is { } name && group.Success)
            {
                named[name] = group.Value;
            }
        }

        return new UriCaptures(positional.MoveToImmutable(), named.ToImmutable());
    }

    private static bool TryStripGroupNames(string pattern, out string stripped, out ImmutableArray<string?> names, out string? error)
    {
        var builder = new StringBuilder(pattern.Length);
        var groups = ImmutableArray.CreateBuilder<string?>();
        var multiline = MultilineFlag().IsMatch(pattern);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var escaped = pattern[i + 1];
                if (!inClass && (escaped is (>= '1' and <= '9') or 'k'))
                {
                    return Unsupported("back-references", out stripped, out names, out error);
                }

                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    builder.Append(pattern[++i]);
                }

                continue;
            }

            if (c == '$' && !multiline)
            {
                // Rust's '$' is the end of the text; .NET's also matches before a final '\n' (a decoded %0A).
                builder.Append(@"\z");
                continue;
            }

            if (c != '(')
            {
                builder.Append(c);
                continue;
            }

            var rest = pattern.AsSpan(i + 1);
            if (rest.StartsWith("?=") || rest.StartsWith("?!") || rest.StartsWith("?<=") || rest.StartsWith("?<!"))
            {
                return Unsupported("look-around", out stripped, out names, out error);
            }

            if (rest.StartsWith("?>") || rest.StartsWith("?("))
            {
                return Unsupported("atomic groups and conditionals", out stripped, out names, out error);
            }

            var nameStart = rest.StartsWith("?P<") ? 3 : rest.StartsWith("?<") && !rest.StartsWith("?<=") && !rest.StartsWith("?<!") ? 2 : -1;
            if (nameStart > 0)
            {
                var close = rest.IndexOf('>');
                var name = close > nameStart ? rest[nameStart..close].ToString() : "";
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || char.IsAsciiDigit(name[0]))
                {
                    stripped = "";
                    names = [];
                    error = "invalid regex: bad capture group name";
                    return false;
                }

                groups.Add(name);
                builder.Append('(');
                i += close + 1;
                continue;
            }

            if (!rest.StartsWith("?"))
            {
                groups.Add(null);
            }

            builder.Append(c);
        }

        stripped = builder.ToString();
        names = groups.ToImmutable();
        error = null;
        return true;
    }

    private static bool Unsupported(string construct, out string stripped, out ImmutableArray<string?> names, out string? error)
    {
        stripped = "";
        names = [];
        error = $"unsupported regex construct: the router's regex engine has no {construct}";
        return false;
    }

    private static string LiteralPrefixOf(string pattern)
    {
        // Alternation anywhere may make a branch start with anything: no prefix then.
        if (pattern.Contains('|', StringComparison.Ordinal))
        {
            return "";
        }

        var prefix = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            char literal;
            var width = 1;
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || char.IsAsciiLetterOrDigit(pattern[i + 1]))
                {
                    break;
                }

                literal = pattern[i + 1];
                width = 2;
            }
            else if (".[](){}*+?^$#".Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c))
            {
                break;
            }
            else
            {
                literal = c;
            }

            var next = i + width < pattern.Length ? pattern[i + width] : '\0';
            if (next is '*' or '?' or '{')
            {
                break;
            }

            prefix.Append(literal);
            i += width - 1;
        }

        return prefix.ToString();
    }

    [GeneratedRegex(@"\(\?[a-zA-Z]*m")]
    private static partial Regex MultilineFlag();
}
