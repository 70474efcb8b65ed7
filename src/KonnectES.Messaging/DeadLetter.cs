namespace KonnectES.Messaging;

/// <summary>
/// A message that failed every attempt (or had no handler), with the last error.
/// </summary>
/// <param name="MessageId">The message id.</param>
/// <param name="MessageType">The registered type name.</param>
/// <param name="Delivery">Point-to-point, or broadcast (then it failed on <paramref name="NodeNumber"/> only).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="ExceptionType">The full name of the last exception's type.</param>
/// <param name="ExceptionMessage">The last exception's message.</param>
/// <param name="NodeNumber">The node that gave up.</param>
/// <param name="FailedAt">When it was moved.</param>
public sealed record DeadLetter(
    Guid MessageId,
    string MessageType,
    MessageDelivery Delivery,
    int Attempts,
    string ExceptionType,
    string ExceptionMessage,
    int NodeNumber,
    DateTimeOffset FailedAt);
