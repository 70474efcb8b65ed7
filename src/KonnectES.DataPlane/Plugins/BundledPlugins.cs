namespace KonnectES.DataPlane.Plugins;

/// <summary>The plugins this data plane implements, by Kong name (the domain's fully supported plugins).</summary>
internal static class BundledPlugins
{
    public static KongPlugin Create(string name, PluginConfig config, PluginScope scope) => name switch
    {
        "key-auth" => new KeyAuthPlugin(config),
        "basic-auth" => new BasicAuthPlugin(config),
        "jwt" => new JwtPlugin(config),
        "acl" => new AclPlugin(config),
        "rate-limiting" => new RateLimitingPlugin(config) { Scope = scope },
        "cors" => new CorsPlugin(config),
        "request-transformer" => new RequestTransformerPlugin(config),
        "response-transformer" => new ResponseTransformerPlugin(config),
        "ip-restriction" => new IpRestrictionPlugin(config),
        "request-size-limiting" => new RequestSizeLimitingPlugin(config),
        "correlation-id" => new CorrelationIdPlugin(config),
        "request-termination" => new RequestTerminationPlugin(config),
        "bot-detection" => new BotDetectionPlugin(config),
        "proxy-cache" => new ProxyCachePlugin(config),
        "prometheus" => new PrometheusPlugin(config),
        _ => throw new PluginConfigException($"plugin '{name}' not enabled; add it to the 'plugins' configuration property"),
    };
}
