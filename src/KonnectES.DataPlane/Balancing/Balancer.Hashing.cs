using Microsoft.Net.Http.Headers;

namespace KonnectES.DataPlane.Balancing;

internal sealed partial class Balancer
{
    /// <summary>
    /// Kong's <c>get_value_to_hash</c> (kong/runloop/balancer/init.lua): the value from <c>hash_on</c>, else from
    /// <c>hash_fallback</c>, else null (hashed as the empty string). A missing hash cookie is generated and returned in
    /// <paramref name="cookie"/> for the response.
    /// </summary>
    internal string? HashValue(BalancerRequest request, out HashCookie? cookie)
    {
        cookie = null;
        var source = Definition.HashOn;
        for (var attempt = 0; attempt < 2 && !source.IsNone; attempt++)
        {
            var value = source.Kind switch
            {
                "consumer" => request.ConsumerId ?? request.CredentialId,
                "ip" => request.ClientIp,
                "header" => Header(request, source.Name!),
                "cookie" => Cookie(request, Definition.HashOnCookie!, out cookie),
                "path" => request.Path,
                "query_arg" => QueryArg(request.QueryString, source.Name!),
                "uri_capture" => request.UriCaptures?.GetValueOrDefault(source.Name!),
                _ => null,
            };
            if (value is not null)
            {
                return value;
            }

            source = Definition.HashFallback;
        }

        return null;
    }

    private static string? Header(BalancerRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null;

    private string Cookie(BalancerRequest request, string name, out HashCookie? generated)
    {
        generated = null;
        if (request.Headers.TryGetValue(HeaderNames.Cookie, out var headers)
            && CookieHeaderValue.TryParseList(headers, out var cookies))
        {
            foreach (var cookie in cookies)
            {
                if (cookie.Name.Equals(name, StringComparison.Ordinal))
                {
                    return cookie.Value.ToString();
                }
            }
        }

        generated = new HashCookie(name, Guid.NewGuid().ToString(), Definition.HashOnCookiePath);
        return generated.Value;
    }

    /// <summary>
    /// A query argument as OpenResty's <c>get_uri_args</c> gives it to Kong: an argument without <c>=</c> is
    /// <c>true</c>; repeated arguments are sorted and joined with commas.
    /// </summary>
    private static string? QueryArg(string? query, string name)
    {
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }

        List<string>? values = null;
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Unescape(eq < 0 ? part : part[..eq]);
            if (key == name)
            {
                (values ??= []).Add(eq < 0 ? "true" : Unescape(part[(eq + 1)..]));
            }
        }

        if (values is null)
        {
            return null;
        }

        values.Sort(StringComparer.Ordinal);
        return string.Join(',', values);
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
