namespace KonnectES.Messaging.Tests.Support;

/// <summary>Handled by writing a row in the handler's transaction, then failing the first attempt if asked.</summary>
public sealed record TodoCompleted(Guid TodoId, string Title, bool FailFirstAttempt);
