namespace KonnectES.Messaging;

/// <summary>
/// A message this node handled (reported by <see cref="IMessageTracker"/>).
/// </summary>
/// <param name="MessageId">The message id.</param>
/// <param name="MessageType">The registered type name.</param>
/// <param name="Delivery">Point-to-point or broadcast.</param>
/// <param name="Attempt">The attempt that succeeded, from 1.</param>
/// <param name="NodeNumber">This node's number.</param>
public sealed record HandledMessage(Guid MessageId, string MessageType, MessageDelivery Delivery, int Attempt, int NodeNumber);
