using System.Text;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// Kong's request-path handling (kong/tools/uri.lua, kong/router/utils.lua): the path the router matches on
/// and sends upstream is normalised, and the upstream path is escaped back before it goes on the wire.
/// </summary>
internal static class KongUri
{
    // RFC 3986 reserved characters plus '%': kept percent-encoded (only their hex is upper-cased).
    private const string Reserved = "!*'();:@&=+$,/?%#[]";

    // Characters Kong's escape() leaves as they are; every other byte is percent-encoded.
    private const string Safe = "!#$&'()*+,/:;=?@[]-_.~%";

    /// <summary>The raw request target without its query string (Kong looks for '?' from the second character).</summary>
    public static string PathOf(string requestUri, out string? query)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var q = requestUri.Length > 1 ? requestUri.IndexOf('?', 1) : -1;
        if (q < 0)
        {
            query = null;
            return requestUri;
        }

        query = requestUri[(q + 1)..];
        return requestUri[..q];
    }

    /// <summary>
    /// Kong's <c>normalize(uri, merge_slashes = true)</c>: percent-encoded triplets of non-reserved characters are
    /// decoded (reserved ones are upper-cased and kept), dot segments are removed and duplicate slashes merged.
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path == "/")
        {
            return path;
        }

        if (path.Contains('%', StringComparison.Ordinal))
        {
            path = DecodeUnreserved(path);
        }

        if (!path.Contains('.', StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal))
        {
            return path;
        }

        return RemoveDotSegments(path);
    }

    /// <summary>Kong's <c>escape()</c>: percent-encodes (upper-case hex, UTF-8 bytes) what is unsafe in a request line.</summary>
    public static string Escape(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var clean = true;
        foreach (var c in path)
        {
            if (!IsSafe(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return path;
        }

        var builder = new StringBuilder(path.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (IsSafe(c))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < path.Length
                ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), bytes);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Kong's <c>sanitize_uri_postfix</c>: what follows a stripped prefix loses a leading <c>./</c> or <c>../</c>,
    /// and a lone <c>.</c> or <c>..</c> becomes empty.
    /// </summary>
    public static string SanitizePostfix(string postfix)
    {
        if (postfix.Length == 0)
        {
            return postfix;
        }

        if (postfix is "." or "..")
        {
            return "";
        }

        if (postfix.StartsWith("./", StringComparison.Ordinal))
        {
            return postfix[2..];
        }

        return postfix.StartsWith("../", StringComparison.Ordinal) ? postfix[3..] : postfix;
    }

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || (c < 128 && Safe.Contains(c, StringComparison.Ordinal));

    private static string DecodeUnreserved(string path)
    {
        // Decode to bytes first: "others" (e.g. %C3%A9) are decoded too, and the result must stay valid UTF-8.
        var bytes = new List<byte>(path.Length);
        var changed = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                var value = (byte)((HexValue(path[i + 1]) << 4) | HexValue(path[i + 2]));
                if (Reserved.Contains((char)value, StringComparison.Ordinal))
                {
                    bytes.Add((byte)'%');
                    bytes.Add((byte)char.ToUpperInvariant(path[i + 1]));
                    bytes.Add((byte)char.ToUpperInvariant(path[i + 2]));
                }
                else
                {
                    bytes.Add(value);
                }

                changed = true;
                i += 2;
                continue;
            }

            if (c < 128)
            {
                bytes.Add((byte)c);
            }
            else
            {
                var end = char.IsHighSurrogate(c) && i + 1 < path.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(path.Substring(i, end)));
                i += end - 1;
            }
        }

        if (!changed)
        {
            return path;
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            // Invalid UTF-8 after decoding: keep the encoded form; only unreserved ASCII is decoded.
            return DecodeAsciiOnly(path);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string DecodeAsciiOnly(string path)
    {
        var builder = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                var value = (HexValue(path[i + 1]) << 4) | HexValue(path[i + 2]);
                if (value < 128 && !Reserved.Contains((char)value, StringComparison.Ordinal))
                {
                    builder.Append((char)value);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                }

                i += 2;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string RemoveDotSegments(string uri)
    {
        // RFC 3986 §5.2.4 as Kong implements it, with "//" collapsed to "/".
        var output = new List<string>();
        var input = uri;
        while (input.Length > 0)
        {
            if (input == "/.")
            {
                input = "/";
            }
            else if (input == "/..")
            {
                input = "/";
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (input is "." or "..")
            {
                input = "";
            }
            else if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal))
            {
                input = input[3..];
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (input.StartsWith("//", StringComparison.Ordinal))
            {
                input = input[1..];
            }
            else
            {
                var next = input.IndexOf('/', 1);
                if (next < 0)
                {
                    output.Add(input);
                    input = "";
                }
                else
                {
                    output.Add(input[..next]);
                    input = input[next..];
                }
            }
        }

        return string.Concat(output);
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToUpperInvariant(c) - 'A') + 10;
}
