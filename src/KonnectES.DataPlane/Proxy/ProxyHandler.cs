using System.Diagnostics;
using System.Globalization;
using KonnectES.DataPlane.Balancing;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using KonnectES.DataPlane.Traffic;
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
    /// <summary>Serves one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var configuration = configurations.Current;
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.ToUriComponent() + request.QueryString.Value;
        var requestId = Guid.NewGuid().ToString("N");
        var state = new RequestState();
        var responseBytes = ResponseBytesFeature.Install(context);
        try
        {
            var match = configuration.Routes.Match(new RouteRequest
            {
                Method = request.Method,
                Path = rawTarget,
                Host = request.Headers.Host.Count == 0 ? null : request.Headers.Host.ToString(),
                Scheme = request.Scheme,
                LocalPort = context.Connection.LocalPort,
                Sni = context.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>()?.HostName,
                Headers = request.Headers,
            });
            if (match is null)
            {
                await WriteAsync(context, KongRouterResponses.NoRouteMatched(requestId), requestId);
                return;
            }

            state.Match = match;
            var forwarded = ForwardedHeaders.For(new ForwardedRequest
            {
                ClientAddress = ClientAddress(context),
                Trusted = options.Trusts(context.Connection.RemoteIpAddress),
                Scheme = request.Scheme,
                Host = request.Headers.Host.Count == 0 ? null : request.Headers.Host.ToString(),
                LocalPort = context.Connection.LocalPort,
                RequestUri = rawTarget,
                HttpVersion = HttpVersionOf(request.Protocol),
                StrippedPrefix = match.StrippedPrefix,
                XForwardedFor = Header(request, "X-Forwarded-For", ", "),
                XForwardedProto = Header(request, "X-Forwarded-Proto"),
                XForwardedHost = Header(request, "X-Forwarded-Host"),
                XForwardedPort = Header(request, "X-Forwarded-Port"),
                XForwardedPath = Header(request, "X-Forwarded-Path"),
                XForwardedPrefix = Header(request, "X-Forwarded-Prefix"),
                XRealIp = Header(request, "X-Real-IP"),
                Via = Header(request, "Via", ", "),
            });
            if (KongRouterResponses.ForProtocol(match.Route, forwarded, rawTarget, request.ContentType, HttpVersionOf(request.Protocol), requestId) is { } answer)
            {
                await WriteAsync(context, answer, requestId);
                return;
            }

            var pluginRequest = new PluginRequest(ParseId(match.Route.Id), ParseId(match.Service?.Id), match.Route.Name, match.Service?.Name)
            {
                RequestId = requestId,
                UriCaptures = match.UriCaptures is { } captures ? Captures(captures) : NoCaptures,
            };
            var originalPath = request.Path;
            await configuration.Plugins.InvokeAsync(
                context,
                pluginRequest,
                (ctx, ct) => ForwardAsync(ctx, configuration, match, forwarded, originalPath, requestId, startedAt, state, ct),
                context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        finally
        {
            Record(context, state, responseBytes.Bytes, startedAt);
        }
    }

    private async Task ForwardAsync(
        HttpContext context, ProxyConfiguration configuration, RouteMatch match, ForwardedValues forwarded, PathString originalPath,
        string requestId, long startedAt, RequestState state, CancellationToken cancellationToken)
    {
        if (match.Service is not { } service)
        {
            await WriteAsync(context, KongRouterResponses.NoService(requestId), requestId);
            return;
        }

        // request-transformer's replace.uri changes the path; otherwise the router's upstream path goes as computed.
        var upstreamPath = context.Request.Path == originalPath ? null : context.Request.Path.ToUriComponent();
        var scheme = service.Protocol is "https" or "grpcs" or "wss" ? "https" : "http";
        var requestConfig = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMilliseconds(Math.Max(service.ReadTimeout, service.WriteTimeout)) };
        var balancer = service.Upstream is null ? null : configuration.Upstreams.FindByName(service.Host);
        if (service.Upstream is not null && balancer is null)
        {
            await WriteErrorAsync(context, 503, KongProxyResponses.NoPeer);
            return;
        }

        if (balancer is null)
        {
            var destination = scheme + "://" + BracketIpv6(service.Host) + ":" + service.Port.ToString(CultureInfo.InvariantCulture);
            var hostHeader = match.UpstreamHostHeader ?? match.HostHeaderFor(service.Host, service.Port);
            for (var attempt = 0; ; attempt++)
            {
                var transformer = new UpstreamTransformer(match, forwarded, upstreamPath, hostHeader, requestId, service.ConnectTimeout, startedAt);
                var error = await forwarder.SendAsync(context, destination, client, requestConfig, transformer, cancellationToken);
                state.UpstreamMs = transformer.UpstreamMs;
                if (error == ForwarderError.None)
                {
                    return;
                }

                ProxyLog.ForwardFailed(logger, destination, error, attempt + 1, context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message);
                if (!CanRetry(context, error, attempt, service.Retries))
                {
                    await WriteForwardErrorAsync(context, error);
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
                    await WriteErrorAsync(context, 503, KongProxyResponses.NoPeer);
                    return;
                }

                tried.Add(selection);
                if (selection.SetCookie is { } cookie)
                {
                    context.Response.Headers.Append("Set-Cookie", cookie.ToSetCookieHeader());
                }

                var destination = scheme + "://" + selection.Host + ":" + selection.Port.ToString(CultureInfo.InvariantCulture);
                var hostHeader = match.HostHeaderFor(selection.Address.Target.Host, selection.Port);
                var transformer = new UpstreamTransformer(match, forwarded, upstreamPath, hostHeader, requestId, service.ConnectTimeout, startedAt);
                var sent = Stopwatch.GetTimestamp();
                var error = await forwarder.SendAsync(context, destination, client, requestConfig, transformer, cancellationToken);
                state.UpstreamMs = transformer.UpstreamMs;
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
                    await WriteForwardErrorAsync(context, error);
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

    private static Task WriteForwardErrorAsync(HttpContext context, ForwarderError error)
    {
        if (context.Response.HasStarted || error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled)
        {
            return Task.CompletedTask;
        }

        return error == ForwarderError.RequestTimedOut
            ? WriteErrorAsync(context, 504, KongProxyResponses.GatewayTimeout)
            : WriteErrorAsync(context, 502, KongProxyResponses.BadGateway);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Server = ForwardedHeaders.ServerToken;
        response.ContentType = RouterResponse.JsonContentType;
        return response.WriteAsync(body, context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, RouterResponse answer, string requestId)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.Headers.Server = ForwardedHeaders.ServerToken;
        response.Headers["X-Kong-Request-Id"] = requestId;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        if (answer.Body is null)
        {
            return Task.CompletedTask;
        }

        response.ContentType = RouterResponse.JsonContentType;
        return response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private void Record(HttpContext context, RequestState state, long bytesOut, long startedAt)
    {
        var match = state.Match;
        var consumer = context.Features.Get<AuthenticatedConsumerFeature>()?.Consumer;
        var route = match?.Route;
        var service = match?.Service;
        var proxied = new ProxiedRequest(
            DateTimeOffset.UtcNow,
            ParseId(service?.Id),
            service is null ? "" : service.Name ?? service.Id,
            ParseId(route?.Id),
            route is null ? "" : route.Name ?? route.Id,
            consumer?.Id,
            context.Response.StatusCode,
            context.Request.ContentLength ?? 0,
            bytesOut,
            Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds,
            state.UpstreamMs);
        metrics.Record(proxied);
        traffic.Record(proxied);
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

    private static Guid? ParseId(string? id) => id is not null && Guid.TryParse(id, out var guid) ? guid : null;

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "127.0.0.1";

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

    private static string BracketIpv6(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? "[" + host + "]" : host;

    /// <summary>What the request path learned that the final record needs.</summary>
    private sealed class RequestState
    {
        public RouteMatch? Match { get; set; }

        public double? UpstreamMs { get; set; }
    }
}
