namespace KonnectES.Messaging.Tests.Support;

/// <summary>A registered message type that no handler handles.</summary>
public sealed record ReminderDue(Guid TodoId);
