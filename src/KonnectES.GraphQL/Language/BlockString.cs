using System.Text;

namespace KonnectES.GraphQL.Language;

/// <summary>The spec's BlockStringValue() algorithm (§2.9.4) and its inverse for printing.</summary>
internal static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        var commonIndent = int.MaxValue;
        var firstNonBlank = -1;
        var lastNonBlank = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length)
            {
                continue;
            }

            if (firstNonBlank < 0)
            {
                firstNonBlank = i;
            }

            lastNonBlank = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (firstNonBlank < 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = firstNonBlank; i <= lastNonBlank; i++)
        {
            if (i > firstNonBlank)
            {
                builder.Append('\n');
            }

            var line = lines[i];
            if (i != 0 && commonIndent != int.MaxValue)
            {
                line = line.Length > commonIndent ? line[commonIndent..] : string.Empty;
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>Prints a string as a block string the way graphql-js printBlockString does.</summary>
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split('\n');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && AllIndentedOrBlankAfterFirst(lines);
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70
            || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var result = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    /// <summary>Whether a value survives a round trip through a block string (graphql-js isPrintableAsBlockString).</summary>
    public static bool IsPrintable(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent = hasIndent || isEmptyLine;
                    break;
                case < ' ':
                    return false;
                default:
                    hasCommonIndent = hasCommonIndent && hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }

    private static bool AllIndentedOrBlankAfterFirst(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && line[0] != ' ' && line[0] != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitLines(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || raw[i] == '\r')
            {
                lines.Add(raw[start..i]);
                if (raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(raw[start..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
