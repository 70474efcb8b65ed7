using System.Net;
using System.Text.RegularExpressions;

namespace KonnectES.Domain;

/// <summary>Kong's field formats (kong/db/schema/typedefs.lua).</summary>
internal static partial class Formats
{
    public const int MaxTimeout = int.MaxValue - 1;

    [GeneratedRegex(@"^[A-Za-z0-9._~\-\u0080-\uFFFF]+$")]
    private static partial Regex Utf8NameRegex();

    [GeneratedRegex(@"^(?=.{1,253}\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$")]
    private static partial Regex HostnameRegex();

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderNameRegex();

    [GeneratedRegex(@"^[A-Z]+$")]
    private static partial Regex MethodRegex();

    /// <summary>utf8_name: <c>[A-Za-z0-9._~-]</c> plus non-ASCII characters.</summary>
    public static bool IsUtf8Name(string value) => Utf8NameRegex().IsMatch(value);

    public static bool IsHostname(string value) => HostnameRegex().IsMatch(value);

    public static bool IsIp(string value) => IPAddress.TryParse(value.Trim('[', ']'), out _) && (value.Contains(':') || value.Count(c => c == '.') == 3);

    public static bool IsHeaderName(string value) => HeaderNameRegex().IsMatch(value);

    public static bool IsMethod(string value) => MethodRegex().IsMatch(value);

    /// <summary>Kong's <c>host</c> typedef: hostname or IP, no port. Null when valid, else the message.</summary>
    public static string? HostError(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "required field missing";
        }

        if (IsIp(value))
        {
            return null;
        }

        if (value.Contains(':'))
        {
            return "must not have a port";
        }

        return IsHostname(value) ? null : "invalid hostname";
    }

    /// <summary>host[:port] (Kong's <c>host_with_optional_port</c>).</summary>
    public static string? HostWithOptionalPortError(string value)
    {
        var (host, port) = SplitPort(value);
        if (port is { } p && (p < 0 || p > 65535))
        {
            return "invalid port number";
        }

        if (port is null && value.Count(c => c == ':') == 1)
        {
            return "invalid port number";
        }

        return HostError(host);
    }

    /// <summary>Splits <c>host:port</c>, <c>[v6]:port</c>; IPv6 without brackets has no port.</summary>
    public static (string Host, int? Port) SplitPort(string value)
    {
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            if (end > 0 && end + 1 < value.Length && value[end + 1] == ':' && int.TryParse(value[(end + 2)..], out var p6))
            {
                return (value[..(end + 1)], p6);
            }

            return (value, null);
        }

        var colon = value.LastIndexOf(':');
        if (colon > 0 && value.IndexOf(':') == colon && int.TryParse(value[(colon + 1)..], out var port) && !value[(colon + 1)..].StartsWith('+'))
        {
            return (value[..colon], port);
        }

        return (value, null);
    }

    /// <summary>A path: starts with <c>/</c>, RFC 3986 characters, no <c>//</c>, valid percent-encoding.</summary>
    public static string? PathError(string value)
    {
        if (!value.StartsWith('/'))
        {
            return "should start with: /";
        }

        if (value.Contains("//", StringComparison.Ordinal))
        {
            return "must not have empty segments";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return "invalid url-encoded value: '" + value[i..Math.Min(value.Length, i + 3)] + "'";
                }
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c)))
            {
                return $"invalid path: '{value}' (characters outside of the reserved list of RFC 3986 found)";
            }
        }

        return null;
    }

    /// <summary>Tags: printable ASCII except <c>,</c> and <c>/</c>, or non-ASCII UTF-8.</summary>
    public static void Tags(IEnumerable<string> tags, List<DomainError> errors)
    {
        var i = 0;
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Any(c => c < 0x80 && (c < 0x21 || c > 0x7E || c == ',' || c == '/')))
            {
                errors.Add(DomainError.Invalid("invalid tag: expected printable ascii (except `,` and `/`) or valid utf-8 sequences", "tags", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            i++;
        }
    }

    public static void Range(long value, long min, long max, string field, List<DomainError> errors)
    {
        if (value < min || value > max)
        {
            errors.Add(DomainError.Invalid($"value should be between {min} and {max}", field));
        }
    }

    public static void OneOf(string? value, IReadOnlyCollection<string> allowed, string field, List<DomainError> errors)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors.Add(DomainError.Invalid($"expected one of: {string.Join(", ", allowed)}", field));
        }
    }

    public static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
