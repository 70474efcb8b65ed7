using KonnectES.EventStore;
using KonnectES.Postgres;

namespace KonnectES.Server.Hosting;

/// <summary>The host's composition: the database, the event store, the control plane and the endpoints.</summary>
internal static class ServerComposition
{
    private const string DefaultUrl = "http://127.0.0.1:8001";

    public static WebApplicationBuilder AddKonnectES(this WebApplicationBuilder builder, ServerRole role)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddSingleton(new RunningRole(role));
        var database = new EventStoreDatabase(builder.Configuration.GetConnectionString("EventStore"));
        services.AddSingleton(database);
        if (database.IsPrivate)
        {
            // Registered first: started before the event store migrates, stopped after everything else.
            var dataDirectory = builder.Configuration["KONNECTES_DATA_DIR"] ?? ".konnectes";
            services.AddSingleton(sp => new PrivatePostgres(
                new PrivatePostgresOptions { DataDirectory = Path.Combine(dataDirectory, "pg") },
                sp.GetRequiredService<ILogger<PrivatePostgres>>()));
            services.AddHostedService<PrivatePostgresService>();
        }

        services.AddEventStore(o => o.RegisterConfigEvents()).AddConfigReadModels();
        services.AddControlPlane(o =>
        {
            o.AdminToken = builder.Configuration["KONNECTES_ADMIN_TOKEN"];
            o.DefaultControlPlane = role == ServerRole.AllInOne ? "default" : null;
        });
        services.AddOptions<EventStoreOptions>().Configure<EventStoreDatabase>((o, db) => o.ConnectionString ??= db.ConnectionString);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.WriteIndented = false);
        return builder;
    }

    public static WebApplication MapKonnectES(this WebApplication app)
    {
        app.MapGet("/health", HealthEndpoint.HandleAsync);
        app.MapPortal(); // 8001: GraphQL and the portal; 8005 (cluster), 8000 (proxy) and 8100 (status) come with the data plane
        return app;
    }
}
