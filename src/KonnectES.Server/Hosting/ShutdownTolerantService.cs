using Npgsql;

namespace KonnectES.Server.Hosting;

/// <summary>
/// Runs a hosted service whose stop talks to the database (the messaging node unregisters itself), and lets that stop
/// fail quietly when the database is already gone: a host stopped twice at once (a test server, then RunAsync) can stop
/// the private cluster under the other stop. A node that could not unregister is removed by the other nodes after
/// <c>Nodes.StaleAfter</c>, and its claims expire with their lease.
/// </summary>
internal sealed class ShutdownTolerantService(IHostedService inner, ILogger<ShutdownTolerantService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.StopAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            ServerLog.StopWithoutDatabase(logger, inner.GetType().Name, exception.Message);
        }
    }

    /// <summary>Wraps the hosted services registered from <paramref name="first"/> on (those a library just added).</summary>
    public static void WrapFrom(IServiceCollection services, int first)
    {
        for (var i = first; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationFactory is { } factory)
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new ShutdownTolerantService(
                    (IHostedService)factory(sp), sp.GetRequiredService<ILogger<ShutdownTolerantService>>()));
            }
        }
    }
}
