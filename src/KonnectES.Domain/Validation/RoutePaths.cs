using System.Text.RegularExpressions;

namespace KonnectES.Domain;

/// <summary>Route path rules: prefix paths normalised per RFC 3986, regex paths (<c>~</c>) in the Rust regex dialect.</summary>
internal static partial class RoutePaths
{
    [GeneratedRegex(@"^[A-Za-z0-9.\-_~/%]*$")]
    private static partial Regex LegacyPrefixRegex();

    public static bool IsRegex(string path) => path.StartsWith('~');

    public static string? Error(string path)
    {
        if (IsRegex(path))
        {
            return RegexError(path[1..]);
        }

        if (Formats.PathError(path) is { } error)
        {
            return error;
        }

        return NormalizationError(path);
    }

    /// <summary>Kong 2.x → 3.0 migration: a path made only of <c>[A-Za-z0-9.-_~/%]</c> stays a prefix, anything else gets <c>~</c>.</summary>
    public static string MigrateLegacy(string path) =>
        IsRegex(path) || LegacyPrefixRegex().IsMatch(path) ? path : "~" + path;

    public static string? RegexError(string pattern)
    {
        if (!pattern.StartsWith('/'))
        {
            return "should start with: / (fixed path) or ~/ (regex path)";
        }

        if (pattern.Contains("(?=", StringComparison.Ordinal) || pattern.Contains("(?!", StringComparison.Ordinal)
            || pattern.Contains("(?<=", StringComparison.Ordinal) || pattern.Contains("(?<!", StringComparison.Ordinal))
        {
            return "invalid regex: '" + pattern + "' (look-around is not supported)";
        }

        if (BackReference().IsMatch(pattern))
        {
            return "invalid regex: '" + pattern + "' (back-references are not supported)";
        }

        try
        {
            _ = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return "invalid regex: '" + pattern + "' (" + ex.Message + ")";
        }
    }

    [GeneratedRegex(@"(?<!\\)\\[1-9]|\\k<")]
    private static partial Regex BackReference();

    private static string? NormalizationError(string path)
    {
        for (var i = 0; i + 2 < path.Length; i++)
        {
            if (path[i] != '%')
            {
                continue;
            }

            var hex = path.Substring(i + 1, 2);
            if (hex != hex.ToUpperInvariant())
            {
                return "non-normalized path, consider use '" + path.Replace("%" + hex, "%" + hex.ToUpperInvariant(), StringComparison.Ordinal) + "' instead";
            }

            var c = (char)Convert.ToInt32(hex, 16);
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                return "non-normalized path, consider use '" + path.Replace("%" + hex, c.ToString(), StringComparison.Ordinal) + "' instead";
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                return "non-normalized path: dot segments are not allowed";
            }
        }

        return null;
    }
}
