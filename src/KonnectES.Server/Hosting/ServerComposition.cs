using KonnectES.ControlPlane.Cluster;
using KonnectES.EventStore;
using KonnectES.Messaging;
using KonnectES.Postgres;

namespace KonnectES.Server.Hosting;

/// <summary>
/// The host's composition: the database, the event store, the messaging, the control plane, and the endpoints on two
/// ports: the portal's (8001, <c>--urls</c>) and the cluster's (8005, <see cref="ClusterListener"/>).
/// </summary>
internal static class ServerComposition
{
    private const string DefaultUrl = "http://127.0.0.1:8001";

    public static WebApplicationBuilder AddKonnectES(this WebApplicationBuilder builder, ServerRole role)
    {
        var portalUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var cluster = ClusterListener.From(builder.Configuration, role);
        builder.WebHost.UseUrls([.. (string.IsNullOrEmpty(portalUrls) ? DefaultUrl : portalUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cluster.Url]);

        var services = builder.Services;
        services.AddSingleton(new RunningRole(role));
        services.AddSingleton(cluster);
        var database = new EventStoreDatabase(builder.Configuration.GetConnectionString("EventStore"));
        services.AddSingleton(database);
        string? messagingConnection = null;
        if (database.IsPrivate)
        {
            // Registered first: started before the event store migrates, stopped after everything else.
            var dataDirectory = Path.Combine(builder.Configuration["KONNECTES_DATA_DIR"] ?? ".konnectes", "pg");

            // The messaging validates its connection string before any hosted service starts: choose the port now.
            var port = PrivatePostgres.FindRunningServerPort(dataDirectory) ?? ClusterListener.FreeLoopbackPort();
            messagingConnection = $"Host=127.0.0.1;Port={port.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";
            services.AddSingleton(sp => new PrivatePostgres(
                new PrivatePostgresOptions { DataDirectory = dataDirectory, Port = port },
                sp.GetRequiredService<ILogger<PrivatePostgres>>()));
            services.AddHostedService<PrivatePostgresService>();
        }

        services.AddEventStore(o => o.RegisterConfigEvents()).AddConfigReadModels().AddClusterEvents().AddTrafficAnalytics();
        services.AddMessaging(_ => { }).AddClusterMessages();
        services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection("Messaging"))
            .Configure<EventStoreDatabase>((o, db) => o.ConnectionString ??= db.ConnectionString ?? messagingConnection);
        services.AddCluster();
        services.AddOptions<ClusterOptions>().Bind(builder.Configuration.GetSection("Cluster"));
        services.AddOptions<KonnectES.Projections.Analytics.AnalyticsOptions>().Bind(builder.Configuration.GetSection("Analytics"));
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
        var cluster = app.Services.GetRequiredService<ClusterListener>();
        app.Use((http, next) =>
        {
            // The ports stay apart: /v1 only on the cluster port, the portal never on it; /health on both.
            var clusterPath = http.Request.Path.StartsWithSegments("/v1");
            var misplaced = clusterPath ? cluster.IsOtherPort(http) : cluster.Serves(http) && !http.Request.Path.StartsWithSegments("/health");
            if (misplaced)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return http.Response.WriteAsJsonAsync(new { message = "not found on this port" });
            }

            return next(http);
        });
        app.MapGet("/health", HealthEndpoint.HandleAsync);
        app.MapPortal(); // 8001: GraphQL and the portal
        app.MapCluster(); // 8005: data planes (8000 proxy and 8100 status come with the data plane)
        return app;
    }
}
