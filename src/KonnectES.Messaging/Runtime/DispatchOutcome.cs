namespace KonnectES.Messaging.Runtime;

/// <summary>
/// The result of running the handlers of one message.
/// </summary>
internal readonly record struct DispatchOutcome(Exception? Error, bool Permanent, bool NoHandler, bool UsedTransaction)
{
    public static DispatchOutcome Success => default;

    public bool Succeeded => Error is null && !NoHandler;
}
