namespace KonnectES.Messaging.Tests.Support;

/// <summary>Records the order and issues its invoice as a follow-up message in the same transaction.</summary>
public sealed class OrderPlacedHandler(Ledger ledger) : IMessageHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced message, MessageContext context, CancellationToken cancellationToken)
    {
        ledger.Record(message, context);
        if (message.Customer == "with-invoice")
        {
            await context.EnqueueAsync(new InvoiceIssued(message.OrderId, 0), cancellationToken: cancellationToken);
        }
    }
}
