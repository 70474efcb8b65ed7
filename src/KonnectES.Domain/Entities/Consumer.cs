namespace KonnectES.Domain;

/// <summary>A Kong consumer: needs a username or a custom_id (both unique).</summary>
public sealed record Consumer : ConfigEntity
{
    /// <summary>Unique; the endpoint key.</summary>
    public string? Username { get; init; }

    /// <summary>Unique external id.</summary>
    public string? CustomId { get; init; }

    /// <inheritdoc />
    public override EntityType EntityType => EntityType.Consumer;

    /// <inheritdoc />
    public override string? DisplayName => Username ?? CustomId;
}
