namespace KonnectES.Messaging.Tests.Support;

public sealed class PriceChangedHandler(Ledger ledger) : IMessageHandler<PriceChanged>
{
    public Task HandleAsync(PriceChanged message, MessageContext context, CancellationToken cancellationToken)
    {
        ledger.Record(message, context);
        return Task.CompletedTask;
    }
}
