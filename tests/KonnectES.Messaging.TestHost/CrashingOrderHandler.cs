using System.Diagnostics;

namespace KonnectES.Messaging.TestHost;

/// <summary>Dies (SIGKILL, no clean-up) in the middle of handling: the claim stays behind with its lease.</summary>
internal sealed class CrashingOrderHandler : IMessageHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced message, MessageContext context, CancellationToken cancellationToken)
    {
        Console.Out.WriteLine($"claimed {context.MessageId}");
        Console.Out.Flush();
        Process.GetCurrentProcess().Kill();
        return Task.CompletedTask;
    }
}
