namespace KonnectES.DataPlane.Plugins;

/// <summary>A consumer as the data plane knows it; at least one of username and custom id is set.</summary>
internal sealed record KongConsumer(Guid Id, string? Username, string? CustomId)
{
    /// <summary>The id as text (<c>X-Consumer-ID</c>, rate-limiting counters), formatted once per configuration.</summary>
    public string IdText { get; } = Id.ToString();
}
