using Npgsql;

namespace KonnectES.Messaging.Tests.Support;

/// <summary>Writes its read model in the message's transaction: the row commits only with a successful attempt.</summary>
public sealed class TodoCompletedHandler(Ledger ledger) : IMessageHandler<TodoCompleted>
{
    public async Task HandleAsync(TodoCompleted message, MessageContext context, CancellationToken cancellationToken)
    {
        ledger.Record(message, context);
        var transaction = await context.GetTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO done_todos (todo_id, title) VALUES ($1, $2)", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = message.TodoId });
        insert.Parameters.Add(new NpgsqlParameter { Value = message.Title });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        if (message.FailFirstAttempt && context.Attempt == 1)
        {
            throw new TimeoutException("the to-do service timed out");
        }
    }
}
