namespace KonnectES.GraphQL.Types;

/// <summary>The schema given to the builder is not valid; the message lists every problem found.</summary>
public sealed class SchemaException : Exception
{
    /// <summary>Creates the exception with one message.</summary>
    /// <param name="message">What is wrong with the schema.</param>
    public SchemaException(string message)
        : base(message)
    {
    }
}
