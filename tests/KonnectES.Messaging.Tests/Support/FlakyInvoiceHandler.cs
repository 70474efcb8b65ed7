namespace KonnectES.Messaging.Tests.Support;

/// <summary>Fails the first <see cref="InvoiceIssued.FailuresBeforeSuccess"/> calls for an invoice, across attempts and replays.</summary>
public sealed class FlakyInvoiceHandler(Ledger ledger) : IMessageHandler<InvoiceIssued>
{
    public Task HandleAsync(InvoiceIssued message, MessageContext context, CancellationToken cancellationToken)
    {
        ledger.Record(message, context);
        var calls = ledger.Entries.Count(e => e.Message is InvoiceIssued i && i.InvoiceId == message.InvoiceId);
        if (calls <= message.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"payment provider unavailable (call {calls})");
        }

        return Task.CompletedTask;
    }
}
