namespace KonnectES.Messaging;

/// <summary>
/// Who receives a message.
/// </summary>
public enum MessageDelivery
{
    /// <summary>Exactly one node handles the message (at-least-once, de-duplicated by message id).</summary>
    PointToPoint = 0,

    /// <summary>Every node that is running when the message is published handles it once, in publication order.</summary>
    Broadcast = 1,
}
