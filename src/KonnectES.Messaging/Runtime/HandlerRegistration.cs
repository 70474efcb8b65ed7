namespace KonnectES.Messaging.Runtime;

internal sealed record HandlerRegistration(Type MessageType, Type HandlerType);
