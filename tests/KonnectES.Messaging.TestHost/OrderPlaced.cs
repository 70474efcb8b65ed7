namespace KonnectES.Messaging.TestHost;

/// <summary>The toy domain's message: an order was placed.</summary>
public sealed record OrderPlaced(Guid OrderId, string Customer, decimal Total);
