namespace KonnectES.Messaging.Tests.Support;

/// <summary>Handled by a handler that stalls on its first attempt until the test lets it go.</summary>
public sealed record PaymentCaptured(Guid PaymentId);
