namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// The foreign keys a plugin instance is attached to; none set means global. Kong runs one instance of a
/// plugin per request: the one whose scope is the most specific (see <see cref="Precedence"/>).
/// </summary>
internal sealed record PluginScope(Guid? RouteId, Guid? ServiceId, Guid? ConsumerId, Guid? ConsumerGroupId)
{
    /// <summary>The scope of a global plugin.</summary>
    public static PluginScope Global { get; } = new(null, null, null, null);

    /// <summary>
    /// Kong's precedence of scopes, most specific first (Kong docs, gateway/entities/plugin, "Precedence"):
    /// consumer+route+service, consumer-group+route+service, consumer+route, consumer+service, consumer-group+route,
    /// consumer-group+service, route+service, consumer, consumer-group, route, service, global.
    /// </summary>
    public static IReadOnlyList<(bool Consumer, bool Group, bool Route, bool Service)> Precedence { get; } =
    [
        (true, false, true, true), (false, true, true, true), (true, false, true, false), (true, false, false, true),
        (false, true, true, false), (false, true, false, true), (false, false, true, true), (true, false, false, false),
        (false, true, false, false), (false, false, true, false), (false, false, false, true), (false, false, false, false),
    ];

    /// <summary>True when the scope names both a consumer and a consumer group (Kong has no such combination).</summary>
    public bool IsContradictory => ConsumerId is not null && ConsumerGroupId is not null;

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        Add("route", RouteId);
        Add("service", ServiceId);
        Add("consumer", ConsumerId);
        Add("consumer_group", ConsumerGroupId);
        return parts.Count == 0 ? "global" : string.Join('+', parts);

        void Add(string name, Guid? id)
        {
            if (id is not null)
            {
                parts.Add(name);
            }
        }
    }
}
