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

    /// <summary>The messaging tables' schema, next to the read models' <c>konnectes</c>.</summary>
    private const string MessagingSchema = "konnectes_messaging";

    public static WebApplicationBuilder AddKonnectES(this WebApplicationBuilder builder, ServerRole role)
    {
        var portalUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var cluster = ClusterListener.From(builder.Configuration, role);
        string[] urls = [.. (string.IsNullOrEmpty(portalUrls) ? DefaultUrl : portalUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cluster.Url];
        if (role == ServerRole.AllInOne && !builder.Configuration.GetValue("KONNECTES_EMBEDDED_DATA_PLANE", true))
        {
            builder.WebHost.UseUrls(urls);
        }
        else if (role == ServerRole.AllInOne)
        {
            var proxy = builder.AddEmbeddedDataPlane(cluster);
            builder.WebHost.UseUrls([.. urls, .. proxy.Urls]);
        }
        else
        {
            builder.WebHost.UseUrls(urls);
        }

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
        var beforeMessaging = services.Count;
        services.AddMessaging(o => o.Schema = MessagingSchema).AddClusterMessages();
        ShutdownTolerantService.WrapFrom(services, beforeMessaging);
        services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection("Messaging"))
            .Configure<EventStoreDatabase>((o, db) => o.ConnectionString ??= db.ConnectionString ?? messagingConnection);
        services.AddCluster();
        services.AddOptions<ClusterOptions>().Bind(builder.Configuration.GetSection("Cluster"));
        services.AddOptions<KonnectES.Projections.Analytics.AnalyticsOptions>().Bind(builder.Configuration.GetSection("Analytics"));
        services.AddControlPlane(o =>
        {
            o.AdminToken = builder.Configuration["KONNECTES_ADMIN_TOKEN"];
            o.DefaultControlPlane = role == ServerRole.AllInOne ? "default" : NonEmpty(builder.Configuration["KONNECTES_DEFAULT_CONTROL_PLANE"]);
        });
        if (role == ServerRole.ControlPlane && NonEmpty(builder.Configuration["KONNECTES_DP_TOKEN"]) is { } token)
        {
            // docker-compose gives the same value to control planes and data planes.
            var controlPlane = NonEmpty(builder.Configuration["KONNECTES_DEFAULT_CONTROL_PLANE"]) ?? "default";
            services.AddSingleton(new DataPlaneTokenSetting(token, DataPlaneComposition.EnvironmentTokenName, controlPlane));
        }

        if (services.Any(s => s.ServiceType == typeof(DataPlaneTokenSetting)))
        {
            services.AddHostedService<DataPlaneTokenRegistration>();
        }

        services.AddOptions<EventStoreOptions>().Configure<EventStoreDatabase>((o, db) => o.ConnectionString ??= db.ConnectionString);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.WriteIndented = false);
        return builder;
    }

    public static WebApplication MapKonnectES(this WebApplication app)
    {
        if (app.Services.GetService<KonnectES.DataPlane.Proxy.ProxyHandler>() is not null)
        {
            app.UseDataPlane(); // 8000 and 8100 first: the proxy port never reaches the portal
        }

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

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
