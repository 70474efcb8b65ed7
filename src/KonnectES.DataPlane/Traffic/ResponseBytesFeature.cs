using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonnectES.DataPlane.Traffic;

/// <summary>
/// The response body as the server sends it, counting the body bytes written through any of its doors (the stream
/// YARP copies the upstream's body into, the pipe writer the data plane's own answers use, send-file). A Content-Length
/// header alone says nothing about chunked responses, nor about bodies that were never sent.
/// </summary>
internal sealed class ResponseBytesFeature(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private long _bytes;
    private CountingResponseStream? _stream;
    private CountingPipeWriter? _writer;

    /// <summary>Body bytes written so far.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <inheritdoc />
    public Stream Stream => _stream ??= new CountingResponseStream(inner.Stream, this);

    /// <inheritdoc />
    public PipeWriter Writer => _writer ??= new CountingPipeWriter(inner.Writer, this);

    /// <summary>Puts a counting body in front of <paramref name="context"/>'s response body and returns it.</summary>
    public static ResponseBytesFeature Install(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = new ResponseBytesFeature(
            context.Features.Get<IHttpResponseBodyFeature>() ?? throw new InvalidOperationException("The server has no response body feature."));
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        return feature;
    }

    /// <inheritdoc />
    public Task CompleteAsync() => inner.CompleteAsync();

    /// <inheritdoc />
    public void DisableBuffering() => inner.DisableBuffering();

    /// <inheritdoc />
    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken)
    {
        await inner.SendFileAsync(path, offset, count, cancellationToken);
        Add(count ?? new FileInfo(path).Length - offset);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    /// <summary>Counts <paramref name="bytes"/> more body bytes.</summary>
    internal void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
