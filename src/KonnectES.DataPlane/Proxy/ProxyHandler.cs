using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using KonnectES.DataPlane.Balancing;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using KonnectES.DataPlane.Traffic;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// The proxy's request path, in Kong's order: route (404, protocol answers), plugins (access), balancer (503 without a
/// peer), forward through YARP with the service's timeouts and retries on connection failures, passive health reports,
/// then metrics and the traffic report. It reads the configuration once, so a swap never changes a request midway.
/// </summary>
internal sealed partial class ProxyHandler(
    ProxyConfigurationHolder configurations, IHttpForwarder forwarder, HttpMessageInvoker client, ProxyOptions options,
    ProxyMetrics metrics, TrafficRecorder traffic, ILogger<ProxyHandler> logger)
{
    private ClientAddressText? _lastClient;

    /// <summary>Serves one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var call = new ProxyCall(this, configurations.Current, RequestIds.Next(), Stopwatch.GetTimestamp());
        var configuration = call.Configuration;
        var request = context.Request;
        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
        {
            // A body of unknown length (chunked): count what is read from the client.
            call.RequestBody = new CountingStream(request.Body);
            request.Body = call.RequestBody;
        }

        try
        {
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.ToUriComponent() + request.QueryString.Value;
            var host = request.Headers.Host.Count == 0 ? null : request.Headers.Host.ToString();
            var match = configuration.Routes.Match(new RouteRequest
            {
                Method = request.Method,
                Path = rawTarget,
                Host = host,
                Scheme = request.Scheme,
                LocalPort = context.Connection.LocalPort,
                Sni = context.Features.Get<ITlsHandshakeFeature>()?.HostName,
                Headers = request.Headers,
            });
            if (match is null)
            {
                await WriteAsync(context, KongRouterResponses.NoRouteMatched(call.RequestId), call);
                return;
            }

            var target = configuration.Targets.For(match, configuration.Plugins);
            call.Match = match;
            call.Target = target;
            var trusted = options.Trusts(context.Connection.RemoteIpAddress);
            var forwarded = ForwardedHeaders.For(new ForwardedRequest
            {
                ClientAddress = ClientAddress(context),
                Trusted = trusted,
                Scheme = request.Scheme,
                Host = host,
                LocalPort = context.Connection.LocalPort,
                RequestUri = rawTarget,
                HttpVersion = HttpVersionOf(request.Protocol),
                StrippedPrefix = match.StrippedPrefix,
                XForwardedFor = Header(request, "X-Forwarded-For", ", "),

                // The other incoming forwarding headers are only believed from trusted peers.
                XForwardedProto = trusted ? Header(request, "X-Forwarded-Proto") : null,
                XForwardedHost = trusted ? Header(request, "X-Forwarded-Host") : null,
                XForwardedPort = trusted ? Header(request, "X-Forwarded-Port") : null,
                XForwardedPath = trusted ? Header(request, "X-Forwarded-Path") : null,
                XForwardedPrefix = trusted ? Header(request, "X-Forwarded-Prefix") : null,
                XRealIp = trusted ? Header(request, "X-Real-IP") : null,
                Via = request.Headers.Via.Count == 0 ? null : Header(request, "Via", ", "),
            });
            call.Forwarded = forwarded;
            if (target.ChecksProtocol
                && KongRouterResponses.ForProtocol(match.Route, forwarded, rawTarget, request.ContentType, HttpVersionOf(request.Protocol), call.RequestId) is { } answer)
            {
                await WriteAsync(context, answer, call);
                return;
            }

            call.OriginalPath = request.Path;
            if (!target.RunsPlugins)
            {
                await ForwardAsync(context, call, context.RequestAborted);
                return;
            }

            var pluginRequest = new PluginRequest(target.RouteId, target.ServiceId, match.Route.Name, match.Service?.Name)
            {
                RequestId = call.RequestId,
                UriCaptures = match.UriCaptures is { } captures ? Captures(captures) : NoCaptures,
            };
            await configuration.Plugins.InvokeAsync(context, pluginRequest, call, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        finally
        {
            Record(context, call);
        }
    }

    private async Task ForwardAsync(HttpContext context, ProxyCall call, CancellationToken cancellationToken)
    {
        var match = call.Match!;
        var target = call.Target!;
        if (match.Service is not { } service)
        {
            await WriteAsync(context, KongRouterResponses.NoService(call.RequestId), call);
            return;
        }

        // request-transformer's replace.uri changes the path; otherwise the router's upstream path goes as computed.
        var upstreamPath = context.Request.Path == call.OriginalPath ? null : context.Request.Path.ToUriComponent();
        var requestConfig = target.RequestConfig;
        var balancer = service.Upstream is null ? null : call.Configuration.Upstreams.FindByName(service.Host);
        if (service.Upstream is not null && balancer is null)
        {
            await WriteErrorAsync(context, 503, KongProxyResponses.NoPeer, call);
            return;
        }

        if (balancer is null)
        {
            var destination = target.Destination!;
            var hostHeader = match.PreservedHost ?? target.ServiceHostHeader!;
            for (var attempt = 0; ; attempt++)
            {
                var transformer = new UpstreamTransformer(match, call.Forwarded!, upstreamPath, hostHeader, call.RequestId, service.ConnectTimeout, call.StartedAt);
                var error = await forwarder.SendAsync(context, destination, client, requestConfig, transformer, cancellationToken);
                call.Transformed(transformer);
                if (error == ForwarderError.None)
                {
                    return;
                }

                ProxyLog.ForwardFailed(logger, destination, error, attempt + 1, context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message);
                if (!CanRetry(context, error, attempt, service.Retries))
                {
                    await WriteForwardErrorAsync(context, error, call);
                    return;
                }
            }
        }

        var tried = new List<TargetSelection>();
        try
        {
            var consumer = context.Features.Get<AuthenticatedConsumerFeature>();
            for (var attempt = 0; ; attempt++)
            {
                var selection = balancer.Select(new BalancerRequest
                {
                    ClientIp = context.Connection.RemoteIpAddress?.ToString(),
                    Path = match.NormalizedPath,
                    QueryString = match.Query,
                    Headers = context.Request.Headers,
                    ConsumerId = consumer?.Consumer?.Id.ToString(),
                    CredentialId = consumer?.Credential?.Id.ToString(),
                    UriCaptures = match.UriCaptures is { } captures ? Captures(captures) : null,
                    Tried = tried,
                });
                if (selection is null)
                {
                    await WriteErrorAsync(context, 503, KongProxyResponses.NoPeer, call);
                    return;
                }

                tried.Add(selection);
                if (selection.SetCookie is { } cookie)
                {
                    context.Response.Headers.Append("Set-Cookie", cookie.ToSetCookieHeader());
                }

                var destination = target.Scheme + "://" + selection.Host + ":" + selection.Port.ToString(CultureInfo.InvariantCulture);
                var hostHeader = match.HostHeaderFor(selection.Address.Target.Host, selection.Port);
                var transformer = new UpstreamTransformer(match, call.Forwarded!, upstreamPath, hostHeader, call.RequestId, service.ConnectTimeout, call.StartedAt);
                var sent = Stopwatch.GetTimestamp();
                var error = await forwarder.SendAsync(context, destination, client, requestConfig, transformer, cancellationToken);
                call.Transformed(transformer);
                var elapsed = Stopwatch.GetElapsedTime(sent);
                if (error == ForwarderError.None || transformer.UpstreamMs is not null)
                {
                    balancer.ReportResult(selection, PeerResult.Response(context.Response.StatusCode, elapsed));
                    if (error == ForwarderError.None)
                    {
                        return;
                    }
                }
                else
                {
                    balancer.ReportResult(selection, error == ForwarderError.RequestTimedOut ? PeerResult.Timeout(elapsed) : PeerResult.TcpFailure(elapsed));
                }

                ProxyLog.ForwardFailed(logger, destination, error, attempt + 1, context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message);
                if (!CanRetry(context, error, attempt, service.Retries))
                {
                    await WriteForwardErrorAsync(context, error, call);
                    return;
                }
            }
        }
        finally
        {
            foreach (var selection in tried)
            {
                selection.Dispose();
            }
        }
    }

    /// <summary>
    /// Kong retries a try that failed before the upstream answered (connection refused, reset, connect timeout) on
    /// another target, up to the service's <c>retries</c>, when the request body can be sent again.
    /// </summary>
    private static bool CanRetry(HttpContext context, ForwarderError error, int attempt, int retries)
    {
        if (attempt >= retries || context.Response.HasStarted || error is not (ForwarderError.Request or ForwarderError.RequestTimedOut))
        {
            return false;
        }

        var body = context.Request.Body;
        var hasBody = context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding");
        if (hasBody && !body.CanSeek)
        {
            return false;
        }

        if (body.CanSeek)
        {
            body.Position = 0;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        return true;
    }

    private static Task WriteForwardErrorAsync(HttpContext context, ForwarderError error, ProxyCall call)
    {
        if (context.Response.HasStarted || error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled)
        {
            return Task.CompletedTask;
        }

        return error == ForwarderError.RequestTimedOut
            ? WriteErrorAsync(context, 504, KongProxyResponses.GatewayTimeout, call)
            : WriteErrorAsync(context, 502, KongProxyResponses.BadGateway, call);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string body, ProxyCall call)
    {
        var response = context.Response;
        response.StatusCode = status;
        KongResponseHeaders.SetGenerated(response, call.RequestId, call.StartedAt);
        response.ContentType = RouterResponse.JsonContentType;
        return WriteBodyAsync(response, body, context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, RouterResponse answer, ProxyCall call)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        KongResponseHeaders.SetGenerated(response, call.RequestId, call.StartedAt);
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        if (answer.Body is null)
        {
            return Task.CompletedTask;
        }

        response.ContentType = RouterResponse.JsonContentType;
        return WriteBodyAsync(response, answer.Body, context.RequestAborted);
    }

    private static Task WriteBodyAsync(HttpResponse response, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, cancellationToken).AsTask();
    }

    private void Record(HttpContext context, ProxyCall call)
    {
        var target = call.Target;
        var response = context.Response;
        var status = response.StatusCode;
        var bytesIn = context.Request.ContentLength ?? call.RequestBody?.Bytes ?? 0;
        var bytesOut = response.ContentLength ?? call.ResponseBody?.Bytes ?? 0;
        var totalMs = Stopwatch.GetElapsedTime(call.StartedAt).TotalMilliseconds;
        var slot = target is null ? metrics.Slot("", "") : target.MetricsIn(metrics);
        slot.Record(status, bytesIn, bytesOut, totalMs, call.UpstreamMs);
        var consumer = target is { RunsPlugins: true } ? context.Features.Get<AuthenticatedConsumerFeature>()?.Consumer : null;
        traffic.Record(new ProxiedRequest(
            DateTimeOffset.UtcNow, target?.ServiceId, slot.Service, target?.RouteId, slot.Route, consumer?.Id, status, bytesIn, bytesOut, totalMs, call.UpstreamMs));
    }

    private static readonly IReadOnlyDictionary<string, string> NoCaptures = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> Captures(UriCaptures captures)
    {
        var all = new Dictionary<string, string>(captures.Named, StringComparer.Ordinal);
        for (var i = 0; i < captures.Positional.Length; i++)
        {
            if (captures.Positional[i] is { } value)
            {
                all[i.ToString(CultureInfo.InvariantCulture)] = value;
            }
        }

        return all;
    }

    private string ClientAddress(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } ip)
        {
            return "127.0.0.1";
        }

        // Most requests come from a few peers (load balancers, or one client in a test): keep the last one's text.
        var last = Volatile.Read(ref _lastClient);
        if (last is not null && last.Address.Equals(ip))
        {
            return last.Text;
        }

        last = new ClientAddressText(ip, (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString());
        Volatile.Write(ref _lastClient, last);
        return last.Text;
    }

    private static string? Header(HttpRequest request, string name, string separator = ",") =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.Count == 1 ? values[0] : string.Join(separator, values.ToArray()) : null;

    private static string HttpVersionOf(string protocol) => protocol switch
    {
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        "HTTP/1.0" => "1.0",
        _ => "1.1",
    };

    private sealed record ClientAddressText(IPAddress Address, string Text);

    /// <summary>
    /// One request on its way through the proxy: what the router and the forwarding headers computed, the body
    /// counters, and what the final record needs. It is also the plugin pipeline's target, so a request with plugins
    /// needs no closure.
    /// </summary>
    private sealed class ProxyCall(ProxyHandler handler, ProxyConfiguration configuration, string requestId, long startedAt) : IPluginPipelineTarget
    {
        public ProxyConfiguration Configuration => configuration;

        public string RequestId => requestId;

        public long StartedAt => startedAt;

        public RouteMatch? Match { get; set; }

        public RouteTarget? Target { get; set; }

        public ForwardedValues? Forwarded { get; set; }

        public PathString OriginalPath { get; set; }

        public CountingStream? RequestBody { get; set; }

        public CountingStream? ResponseBody { get; private set; }

        public double? UpstreamMs { get; private set; }

        public void Transformed(UpstreamTransformer transformer)
        {
            UpstreamMs = transformer.UpstreamMs;
            ResponseBody = transformer.ResponseBody ?? ResponseBody;
        }

        public Task ForwardAsync(HttpContext context, CancellationToken cancellationToken) => handler.ForwardAsync(context, this, cancellationToken);

        public void AddGeneratedResponseHeaders(HttpResponse response) => KongResponseHeaders.SetGenerated(response, requestId, startedAt);
    }
}
