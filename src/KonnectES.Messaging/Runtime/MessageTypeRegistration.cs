namespace KonnectES.Messaging.Runtime;

internal sealed record MessageTypeRegistration(Type Type, string Name);
