using System.Diagnostics;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>Records the dispatch; in a node started to die, kills its own process instead (SIGKILL).</summary>
internal sealed class PingHandler(Probe probe, BenchNodeRole role) : IMessageHandler<Ping>
{
    public Task HandleAsync(Ping message, MessageContext context, CancellationToken cancellationToken)
    {
        if (role.DieOnFirstMessage)
        {
            Process.GetCurrentProcess().Kill();
        }

        probe.Dispatched(context.MessageId);
        return Task.CompletedTask;
    }
}
