namespace KonnectES.Messaging;

/// <summary>
/// How one message is sent. Every property is optional.
/// </summary>
public sealed record MessageOptions
{
    /// <summary>The message id; a new UUIDv7 when null. Two messages with one id are handled once.</summary>
    public Guid? MessageId { get; init; }

    /// <summary>Point-to-point (the default) or broadcast to every running node.</summary>
    public MessageDelivery Delivery { get; init; } = MessageDelivery.PointToPoint;

    /// <summary>Ties the messages of one business operation together; defaults to the message id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message or request that caused this one.</summary>
    public string? CausationId { get; init; }

    /// <summary>Delays delivery (point-to-point only); precise to about <see cref="RelayOptions.PollInterval"/>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Extra envelope headers, e.g. a tenant or an actor.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Options for a broadcast.</summary>
    public static MessageOptions Broadcast { get; } = new() { Delivery = MessageDelivery.Broadcast };
}
