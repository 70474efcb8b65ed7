namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// request-size-limiting (priority 951): a body larger than <c>allowed_payload_size</c> <c>size_unit</c>s gets
/// 413 <c>Request size limit exceeded</c> (417 when the client sent <c>Expect: 100-continue</c>); with
/// <c>require_content_length</c>, a request without Content-Length (and not chunked) gets 411.
/// </summary>
internal sealed class RequestSizeLimitingPlugin : KongPlugin
{
    private readonly long _allowedBytes;
    private readonly bool _requireContentLength;

    public RequestSizeLimitingPlugin(PluginConfig config)
    {
        var unit = config.String("size_unit", "megabytes") switch
        {
            "megabytes" => 1L << 20,
            "kilobytes" => 1L << 10,
            "bytes" => 1L,
            var other => throw config.Error("size_unit", "expected one of: megabytes, kilobytes, bytes, not " + other),
        };
        _allowedBytes = config.Integer("allowed_payload_size", 128) * unit;
        _requireContentLength = config.Bool("require_content_length", false);
    }

    public override string Name => "request-size-limiting";

    public override int Priority => 951;

    public override async ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var request = context.Http.Request;
        if (request.ContentLength is { } length)
        {
            Check(context, length);
            return;
        }

        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        if (_requireContentLength && !chunked)
        {
            context.Error(411, "A valid Content-Length header is required");
            return;
        }

        Check(context, await ReadLimitedAsync(context, cancellationToken));
    }

    private void Check(PluginContext context, long size)
    {
        if (size <= _allowedBytes)
        {
            return;
        }

        var expect = context.Http.Request.Headers.Expect.ToString();
        context.Error(string.Equals(expect, "100-continue", StringComparison.OrdinalIgnoreCase) ? 417 : 413, "Request size limit exceeded");
    }

    /// <summary>Reads at most one byte past the limit; a body within it is kept for the upstream.</summary>
    private async ValueTask<long> ReadLimitedAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _allowedBytes)
            {
                return buffer.Length;
            }
        }

        var body = buffer.ToArray();
        context.SetBody(body);
        return body.Length;
    }
}
