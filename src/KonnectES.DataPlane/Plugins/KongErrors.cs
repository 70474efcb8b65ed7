using System.Text;
using System.Text.Json;

namespace KonnectES.DataPlane.Plugins;

/// <summary>Kong's default error texts and the JSON body of a gateway-generated error.</summary>
internal static class KongErrors
{
    /// <summary>Kong's default message for a status (kong/tools/http.lua).</summary>
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
        _ => "The upstream server responded with " + status,
    };

    /// <summary><c>{"message": ..., "request_id": ...}</c>; the request id only when the host supplied one.</summary>
    public static byte[] Body(string message, string? requestId)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            if (requestId is not null)
            {
                writer.WriteString("request_id", requestId);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
