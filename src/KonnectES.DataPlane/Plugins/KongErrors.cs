using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Kong's gateway-generated errors (<c>kong.response.error</c>, kong/tools/http.lua): the default texts, and the
/// body in the format the client's <c>Accept</c> prefers (JSON by default, HTML, XML or plain text), each with
/// the message and the request id.
/// </summary>
internal static class KongErrors
{
    private const string Json = "application/json; charset=utf-8";
    private const string Html = "text/html; charset=utf-8";
    private const string Xml = "application/xml; charset=utf-8";
    private const string Plain = "text/plain; charset=utf-8";

    /// <summary>Kong's default message for a status.</summary>
    public static string DefaultMessage(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        408 => "Request timeout",
        411 => "Length required",
        412 => "Precondition failed",
        413 => "Payload too large",
        414 => "URI too long",
        417 => "Expectation failed",
        429 => "Too many requests",
        500 => "An unexpected error occurred",
        502 => "An invalid response was received from the upstream server",
        503 => "The upstream server is currently unavailable",
        504 => "The upstream server is timing out",
        _ => "The upstream server responded with " + status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The error body and its content type for a client sending <paramref name="accept"/>.</summary>
    public static (byte[] Body, string ContentType) Render(string message, string requestId, string? accept)
    {
        var type = ResponseType(accept);
        var text = type switch
        {
            Html => $"<!doctype html>\n<html>\n  <head>\n    <meta charset=\"utf-8\">\n    <title>Error</title>\n  </head>\n  <body>\n    <h1>Error</h1>\n    <p>{WebUtility.HtmlEncode(message)}.</p>\n    <p>request_id: {WebUtility.HtmlEncode(requestId)}</p>\n  </body>\n</html>\n",
            Xml => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>\n  <message>{WebUtility.HtmlEncode(message)}</message>\n  <requestid>{WebUtility.HtmlEncode(requestId)}</requestid>\n</error>\n",
            Plain => $"{message}\nrequest_id: {requestId}\n",
            _ => JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message, ["request_id"] = requestId }),
        };
        return (Encoding.UTF8.GetBytes(text), type);
    }

    /// <summary>Kong's <c>get_response_type</c>: the acceptable media type with the highest quality that Kong can render.</summary>
    private static string ResponseType(string? accept)
    {
        var chosen = Json;
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList(accept.Split(','), out var values))
        {
            return chosen;
        }

        var best = 0.0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            if (quality > best)
            {
                best = quality;
                chosen = MimeType(value.MediaType.Value ?? "") ?? chosen;
            }
        }

        return chosen;
    }

    private static string? MimeType(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "*/*" => Json,
        "application/json" or "application/*" => Json,
        "text/html" => Html,
        "application/xml" => Xml,
        "text/plain" or "text/*" => Plain,
        _ => null,
    };
}
