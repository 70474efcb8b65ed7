namespace KonnectES.Messaging;

/// <summary>
/// A message's CLR type, or a stored type name, is not registered with <c>AddMessageType</c>.
/// </summary>
public sealed class UnknownMessageTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnknownMessageTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
