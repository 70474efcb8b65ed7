using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Auth;

/// <summary>
/// On start: creates the token tables, the bootstrap admin token (from <see cref="AuthOptions.AdminToken"/>, or
/// generated once and printed once) and the default control plane. Every step is idempotent.
/// </summary>
internal sealed partial class BootstrapService(
    ApiTokenStore tokens, ConfigCommandHandler handler, ControlPlaneRecordReader controlPlanes, IOptions<AuthOptions> options,
    ILogger<BootstrapService> logger) : IHostedService
{
    private const string Actor = "system:bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await tokens.MigrateAsync(cancellationToken);
        await EnsureAdminTokenAsync(settings, cancellationToken);
        if (settings.DefaultControlPlane is { } name && await controlPlanes.GetByNameAsync(name, cancellationToken) is null)
        {
            var id = Guid.CreateVersion7();
            var result = await handler.HandleAsync(id, new CreateControlPlane(new Domain.ControlPlane { Id = id, Name = name }),
                new CommandContext(Actor) { Reason = "first start" }, cancellationToken);
            if (result.IsSuccess)
            {
                Log.DefaultControlPlaneCreated(logger, name, id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAdminTokenAsync(AuthOptions settings, CancellationToken cancellationToken)
    {
        var name = settings.AdminTokenName;
        var exists = await tokens.ExistsAsync(name, cancellationToken);
        if (settings.AdminToken is { Length: > 0 } configured)
        {
            if (exists)
            {
                await tokens.SetTokenAsync(name, configured, cancellationToken);
            }
            else
            {
                await tokens.CreateAsync(name, [new RoleGrant(Role.Admin, null)], null, Actor, cancellationToken, configured);
            }

            return;
        }

        if (!exists && await tokens.CreateAsync(name, [new RoleGrant(Role.Admin, null)], null, Actor, cancellationToken) is { } token)
        {
            var output = settings.Output ?? Console.Out;
            await output.WriteLineAsync($"KonnectES bootstrap admin token (shown once, store it now): {token}");
            await output.FlushAsync(cancellationToken);
            Log.AdminTokenGenerated(logger, name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Generated the bootstrap admin token '{Name}' and printed it once")]
        public static partial void AdminTokenGenerated(ILogger logger, string name);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Created the control plane '{Name}' ({Id})")]
        public static partial void DefaultControlPlaneCreated(ILogger logger, string name, Guid id);
    }
}
