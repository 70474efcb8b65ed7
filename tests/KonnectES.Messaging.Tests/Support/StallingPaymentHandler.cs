using Npgsql;

namespace KonnectES.Messaging.Tests.Support;

/// <summary>Writes a row in the message's transaction, then (first attempt only) waits for the test.</summary>
public sealed class StallingPaymentHandler(Ledger ledger, PaymentGate gate) : IMessageHandler<PaymentCaptured>
{
    public async Task HandleAsync(PaymentCaptured message, MessageContext context, CancellationToken cancellationToken)
    {
        ledger.Record(message, context);
        var transaction = await context.GetTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO captured_payments (payment_id) VALUES ($1)", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = message.PaymentId });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        if (context.Attempt == 1)
        {
            gate.Entered.TrySetResult();
            await gate.Released.Task.WaitAsync(cancellationToken);
        }
    }
}
