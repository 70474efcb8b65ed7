namespace KonnectES.Messaging.Tests.Support;

/// <summary>Handled by a flaky handler that fails the first <paramref name="FailuresBeforeSuccess"/> attempts.</summary>
public sealed record InvoiceIssued(Guid InvoiceId, int FailuresBeforeSuccess);
