using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Runs a request through the plugins of a <see cref="PluginSet"/> as Kong's runloop does: the access phase in
/// priority order, each plugin's instance resolved when its turn comes (so consumer-scoped instances see the
/// consumer the auth plugins identified), then the upstream call, then header_filter and body_filter on the
/// plugins the access phase reached. A plugin ending the request skips the remaining access handlers and the
/// upstream; the reached plugins still filter the response it produced.
/// </summary>
internal sealed class PluginPipeline(PluginSet plugins, PluginStores stores)
{
    // What can run without a consumer: global instances, or instances scoped to a route or a service (consumer- and
    // group-scoped instances need a consumer, which only an auth plugin resolved from these can set).
    private readonly bool _hasGlobal = plugins.Instances.Any(i => i.Scope is { RouteId: null, ServiceId: null, ConsumerId: null, ConsumerGroupId: null });
    private readonly HashSet<Guid> _routes = [.. plugins.Instances.Where(Anonymous).Select(i => i.Scope.RouteId).OfType<Guid>()];
    private readonly HashSet<Guid> _services = [.. plugins.Instances.Where(Anonymous).Select(i => i.Scope.ServiceId).OfType<Guid>()];

    public PluginSet Plugins => plugins;

    /// <summary>
    /// False when no plugin instance can run for a request on this route and service: then the proxy calls the
    /// upstream directly, without the pipeline. True (conservatively) when one may run.
    /// </summary>
    public bool MayRun(Guid? routeId, Guid? serviceId) =>
        _hasGlobal || (routeId is { } route && _routes.Contains(route)) || (serviceId is { } service && _services.Contains(service));

    /// <param name="context">The downstream request and response.</param>
    /// <param name="request">What the router matched.</param>
    /// <param name="forward">Sends the (possibly changed) request upstream and writes the upstream response into <c>context.Response</c>.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public Task InvokeAsync(HttpContext context, PluginRequest request, Func<HttpContext, CancellationToken, Task> forward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return InvokeAsync(context, request, new DelegateTarget(forward), cancellationToken);
    }

    /// <param name="context">The downstream request and response.</param>
    /// <param name="request">What the router matched.</param>
    /// <param name="target">The upstream call, and the headers of responses a plugin generates.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task InvokeAsync(HttpContext context, PluginRequest request, IPluginPipelineTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var ctx = new PluginContext(context, request, plugins.Consumers, stores);
        var reached = new List<KongPlugin>();
        var instances = new List<PluginInstance>();
        var filtered = false;
        context.Response.OnStarting(() =>
        {
            RunHeaderFilters();
            return Task.CompletedTask;
        });

        var protocol = ctx.Protocol;
        foreach (var chain in plugins.Chains)
        {
            var instance = chain.Resolve(request.RouteId, request.ServiceId, ctx.Consumer, ctx.ConsumerGroups);
            if (instance is null || !instance.RunsOn(protocol))
            {
                continue;
            }

            reached.Add(instance.Handler);
            instances.Add(instance);
            await instance.Handler.AccessAsync(ctx, cancellationToken);
            if (ctx.Exit is not null)
            {
                break;
            }
        }

        context.Features.Set(new AuthenticatedConsumerFeature { Consumer = ctx.Consumer, Credential = ctx.Credential });
        context.Features.Set(new PluginRunFeature(instances, ctx.Exit is null ? null : instances[^1]));
        var buffering = NeedingResponseBody(reached, ctx);
        if (ctx.Exit is { } exit)
        {
            await WriteExitAsync(exit);
            return;
        }

        if (buffering.Count == 0)
        {
            await target.ForwardAsync(context, cancellationToken);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await target.ForwardAsync(context, cancellationToken);
        }
        finally
        {
            context.Features.Set(original);
        }

        RunHeaderFilters();
        var body = buffer.ToArray();
        foreach (var plugin in buffering)
        {
            body = plugin.BodyFilter(ctx, body);
        }

        await WriteBodyAsync(body);

        async Task WriteExitAsync(PluginExit exit)
        {
            context.Response.StatusCode = exit.Status;
            foreach (var (name, value) in exit.Headers)
            {
                context.Response.Headers.Append(name, value);
            }

            if (exit.ContentType is not null)
            {
                context.Response.ContentType = exit.ContentType;
            }

            target.AddGeneratedResponseHeaders(context.Response);
            var body = exit.Body;
            var bodyFilters = NeedingResponseBody(reached, ctx);
            RunHeaderFilters();
            foreach (var plugin in bodyFilters)
            {
                body = plugin.BodyFilter(ctx, body);
            }

            await WriteBodyAsync(body);
        }

        async Task WriteBodyAsync(byte[] body)
        {
            // A HEAD response keeps the length the upstream announced; 1xx, 204 and 304 carry no body at all.
            var status = context.Response.StatusCode;
            if (HttpMethods.IsHead(context.Request.Method) || status < 200 || status is 204 or 304)
            {
                return;
            }

            context.Response.Headers.Remove("Transfer-Encoding");
            context.Response.ContentLength = body.Length;
            if (body.Length > 0)
            {
                await context.Response.Body.WriteAsync(body, cancellationToken);
            }
        }

        void RunHeaderFilters()
        {
            if (filtered)
            {
                return;
            }

            filtered = true;
            foreach (var (name, value) in ctx.ResponseHeaders)
            {
                context.Response.Headers[name] = value;
            }

            foreach (var plugin in reached)
            {
                plugin.HeaderFilter(ctx);
            }
        }
    }

    private static List<KongPlugin> NeedingResponseBody(List<KongPlugin> reached, PluginContext ctx)
    {
        List<KongPlugin>? buffering = null;
        foreach (var plugin in reached)
        {
            if (plugin.NeedsResponseBody(ctx))
            {
                (buffering ??= []).Add(plugin);
            }
        }

        return buffering ?? NoPlugins;
    }

    private static readonly List<KongPlugin> NoPlugins = [];

    private static bool Anonymous(PluginInstance instance) => instance.Scope is { ConsumerId: null, ConsumerGroupId: null };

    /// <summary>A target that only forwards: generated responses get no extra headers.</summary>
    private sealed class DelegateTarget(Func<HttpContext, CancellationToken, Task> forward) : IPluginPipelineTarget
    {
        public Task ForwardAsync(HttpContext context, CancellationToken cancellationToken) => forward(context, cancellationToken);

        public void AddGeneratedResponseHeaders(HttpResponse response)
        {
        }
    }
}
