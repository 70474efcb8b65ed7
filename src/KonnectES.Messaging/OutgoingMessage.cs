namespace KonnectES.Messaging;

/// <summary>
/// One message of a batch given to <see cref="IOutbox.EnqueueManyAsync(Npgsql.NpgsqlTransaction, IReadOnlyList{OutgoingMessage}, System.Threading.CancellationToken)"/>.
/// </summary>
/// <param name="Message">The message, an instance of a registered message type.</param>
/// <param name="Options">How it is sent; null for the defaults.</param>
public sealed record OutgoingMessage(object Message, MessageOptions? Options = null);
