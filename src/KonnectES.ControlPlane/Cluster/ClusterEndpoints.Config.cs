using System.Globalization;
using System.IO.Compression;
using System.Text;
using KonnectES.ControlPlane.Auth;
using KonnectES.Projections.ConfigSnapshot;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>The full snapshot and the delta since a version, with ETags and gzip.</summary>
public static partial class ClusterEndpoints
{
    private static async Task ConfigAsync(HttpContext http, DataPlaneCredential credential)
    {
        var since = ClusterHttp.OptionalNumber(http, "since");
        _ = ClusterHttp.OptionalNodeId(http);
        var reader = http.RequestServices.GetRequiredService<ConfigSnapshotReader>();
        var cp = credential.ControlPlaneId;
        if (!credential.ControlPlaneExists || await reader.GetHeadAsync(cp, http.RequestAborted) is not { } head)
        {
            await ClusterHttp.NoConfigurationAsync(http);
            return;
        }

        if (since > head.Version)
        {
            await ClusterHttp.ErrorAsync(
                http, StatusCodes.Status409Conflict,
                $"version {since} is ahead of the control plane's version {head.Version}: fetch the full snapshot", fullSync: true);
            return;
        }

        if (NotModified(http, head.SnapshotHash.ToString()))
        {
            Describe(http, head.Version, head.Hash.ToString(), head.SnapshotHash.ToString());
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        string body;
        if (since is { } from)
        {
            if (await reader.GetDeltaAsync(cp, from, http.RequestAborted) is not { } delta)
            {
                await ClusterHttp.NoConfigurationAsync(http);
                return;
            }

            Describe(http, delta.ToVersion, delta.Hash.ToString(), delta.SnapshotHash.ToString());
            body = delta.ToJson();
        }
        else
        {
            if (await reader.GetSnapshotAsync(cp, http.RequestAborted) is not { } snapshot)
            {
                await ClusterHttp.NoConfigurationAsync(http);
                return;
            }

            Describe(http, snapshot.Version, snapshot.Hash.ToString(), snapshot.SnapshotHash.ToString());
            body = snapshot.Document;
        }

        await WriteJsonAsync(http, body);
    }

    private static void Describe(HttpContext http, long version, string configHash, string snapshotHash)
    {
        var headers = http.Response.Headers;
        headers.ETag = $"\"{snapshotHash}\"";
        headers["X-Konnectes-Config-Version"] = version.ToString(CultureInfo.InvariantCulture);
        headers["X-Konnectes-Config-Hash"] = configHash;
        headers.Vary = HeaderNames.AcceptEncoding;
    }

    private static bool NotModified(HttpContext http, string snapshotHash)
    {
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals($"\"{snapshotHash}\"", StringComparison.Ordinal));
    }

    private static async Task WriteJsonAsync(HttpContext http, string body)
    {
        http.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        var acceptsGzip = http.Request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
        if (!acceptsGzip)
        {
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
            return;
        }

        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes, http.RequestAborted);
        }

        http.Response.Headers.ContentEncoding = "gzip";
        http.Response.ContentLength = compressed.Length;
        await http.Response.Body.WriteAsync(compressed.GetBuffer().AsMemory(0, (int)compressed.Length), http.RequestAborted);
    }
}
