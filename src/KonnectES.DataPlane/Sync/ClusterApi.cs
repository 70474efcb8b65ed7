using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>The HTTP half of the cluster protocol (see docs/cluster-protocol.md): snapshot and delta pulls, long-polls, heartbeats and NACKs.</summary>
internal sealed class ClusterApi(HttpClient http, SyncClientOptions options, Guid nodeId)
{
    /// <summary>The node's identity as query parameters (<c>node_id</c>, <c>node_hostname</c>, <c>node_version</c>).</summary>
    public string NodeQuery { get; } = string.Create(CultureInfo.InvariantCulture,
        $"node_id={nodeId:D}&node_hostname={Uri.EscapeDataString(options.Hostname)}&node_version={Uri.EscapeDataString(options.Version)}");

    /// <summary>The address of a cluster endpoint, with the node query and extra parameters.</summary>
    public Uri Endpoint(string path, string? query = null)
    {
        var builder = new UriBuilder(new Uri(BaseAddress, path)) { Query = query is null ? NodeQuery : query + "&" + NodeQuery };
        return builder.Uri;
    }

    private Uri BaseAddress { get; } = options.ClusterUrl!.AbsoluteUri.EndsWith('/') ? options.ClusterUrl : new Uri(options.ClusterUrl.AbsoluteUri + "/");

    /// <summary><c>GET /v1/config</c>: the full snapshot, or 304 when <paramref name="held"/> is current.</summary>
    public Task<PullResult> PullFullAsync(ConfigHash? held, CancellationToken cancellationToken) =>
        PullAsync(Endpoint("v1/config"), held, cancellationToken);

    /// <summary><c>GET /v1/config?since=N</c>: the delta since <paramref name="since"/>.</summary>
    public Task<PullResult> PullDeltaAsync(long since, ConfigHash held, CancellationToken cancellationToken) =>
        PullAsync(Endpoint("v1/config", "since=" + since.ToString(CultureInfo.InvariantCulture)), held, cancellationToken);

    /// <summary><c>GET /v1/outlet/poll</c>: the head as soon as it differs from <paramref name="afterVersion"/>, or after the wait.</summary>
    public async Task<SnapshotNotification> PollAsync(long afterVersion, CancellationToken cancellationToken)
    {
        var wait = (int)Math.Ceiling(options.LongPollWait.TotalSeconds);
        var query = string.Create(CultureInfo.InvariantCulture, $"after_version={afterVersion}&wait={wait}");
        using var request = Request(HttpMethod.Get, Endpoint("v1/outlet/poll", query));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.LongPollWait + options.RequestTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return SnapshotNotification.TryParse(body) ?? throw new FormatException("The long-poll answer is not a snapshot_ready object.");
    }

    /// <summary><c>POST /v1/status</c>.</summary>
    public Task PostStatusAsync(object status, CancellationToken cancellationToken) => PostAsync("v1/status", status, cancellationToken);

    /// <summary><c>POST /v1/nack</c>.</summary>
    public Task PostNackAsync(object nack, CancellationToken cancellationToken) => PostAsync("v1/nack", nack, cancellationToken);

    /// <summary>Adds the bearer token.</summary>
    public HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        return request;
    }

    /// <summary>Throws <see cref="ClusterRequestException"/> with the body's message for an error status.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return;
        }

        var message = response.ReasonPhrase ?? "request failed";
        var fullSync = false;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0)
            {
                using var body = JsonDocument.Parse(text);
                if (body.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (body.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        message = m.GetString()!;
                    }

                    fullSync = body.RootElement.TryGetProperty("full_sync", out var f) && f.ValueKind == JsonValueKind.True;
                }
            }
        }
        catch (JsonException)
        {
            // Not the protocol's JSON error (e.g. a proxy's HTML page): the reason phrase says enough.
        }

        throw new ClusterRequestException(response.StatusCode, message, fullSync);
    }

    private async Task<PullResult> PullAsync(Uri uri, ConfigHash? held, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, uri);
        if (held is { } hash)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + hash + "\""));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
        long? version = SnapshotHeader.TryParseVersion(Header(response, "X-Konnectes-Config-Version"), out var v) ? v : null;
        ConfigHash? configHash = SnapshotHeader.TryParseHash(Header(response, "X-Konnectes-Config-Hash"), out var c) ? c : null;
        ConfigHash? snapshotHash = SnapshotHeader.TryParseHash(response.Headers.ETag?.Tag, out var s) ? s : null;
        var body = response.StatusCode == HttpStatusCode.NotModified ? null : await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new PullResult(body, version, configHash, snapshotHash);
    }

    private async Task PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, Endpoint(path));
        request.Content = JsonContent.Create(body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token);
        await EnsureSuccessAsync(response, timeout.Token);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
