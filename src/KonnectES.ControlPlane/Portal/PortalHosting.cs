using System.Text.Json;
using KonnectES.ControlPlane.Auth;
using KonnectES.ControlPlane.Portal;
using KonnectES.EventStore;
using KonnectES.GraphQL.Execution;
using KonnectES.Projections;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Composes the control plane: command handling, tokens and roles, the bootstrap, and the GraphQL portal.</summary>
public static class PortalHosting
{
    /// <summary>
    /// Adds the control plane on top of <c>AddEventStore(o => o.RegisterConfigEvents()).AddConfigReadModels()</c>:
    /// config commands and history, API and data-plane tokens, the bootstrap (admin token, <c>default</c> control
    /// plane) and the portal schema.
    /// </summary>
    public static IServiceCollection AddControlPlane(this IServiceCollection services, Action<AuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuthOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddConfigCommands();
        services.AddSingleton(sp => new ApiTokenStore(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IOptions<ReadModelOptions>>(), sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new PortalReads(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EntityRecordReader>(), sp.GetRequiredService<AuditLogReader>(),
            sp.GetRequiredService<IOptions<ReadModelOptions>>()));
        services.AddHostedService<BootstrapService>();
        services.AddGraphQL(PortalSchema.Build(), o =>
        {
            o.Execution = new ExecutionOptions { MaxDepth = 15, MaxCost = 20_000, MaxAliases = 100, MaxFields = 2_000 };
            o.ContextFactory = async http =>
            {
                var header = http.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
                return await ContextAsync(http, token);
            };
            o.OnConnect = async init =>
            {
                string? token = null;
                if (init.Payload is { ValueKind: JsonValueKind.Object } payload)
                {
                    foreach (var property in payload.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String && property.Name.ToUpperInvariant() is "AUTHORIZATION" or "TOKEN")
                        {
                            var value = property.Value.GetString()!;
                            token = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : value;
                        }
                    }
                }

                var context = await ContextAsync(init.HttpContext, token);
                return context.Items[PortalRequest.CallerKey] is null ? null : context;
            };
        });
        return services;
    }

    /// <summary>Maps the portal at <c>/graphql</c> (GraphQL over HTTP and graphql-transport-ws).</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        return app;
    }

    private static async ValueTask<RequestContext> ContextAsync(HttpContext http, string? token)
    {
        var caller = string.IsNullOrEmpty(token)
            ? null
            : await http.RequestServices.GetRequiredService<ApiTokenStore>().AuthenticateAsync(token, http.RequestAborted);
        return new RequestContext
        {
            Services = http.RequestServices,
            Items = { [PortalRequest.CallerKey] = caller, [PortalRequest.CorrelationKey] = http.TraceIdentifier },
        };
    }
}
