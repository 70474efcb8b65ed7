using KonnectES.GraphQL.Types;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// The portal's GraphQL schema: <c>PortalSchema.graphql</c> (a superset of the shared contract) with its resolvers,
/// bound by concern in the partial files.
/// </summary>
public static partial class PortalSchema
{
    /// <summary>The SDL the schema is built from.</summary>
    public static string Sdl { get; } = ReadSdl();

    /// <summary>Builds the schema.</summary>
    public static Schema Build()
    {
        var builder = new SchemaBuilder()
            .AddTypeDefinitions(Sdl)
            .AddScalar(Scalars.DateTime)
            .AddScalar(Scalars.Json);
        BindQueries(builder);
        BindControlPlane(builder);
        BindRelations(builder);
        BindHistory(builder);
        BindControlPlaneMutations(builder);
        BindEntityMutations(builder);
        BindConfigMutations(builder);
        BindTokens(builder);
        BindSubscriptions(builder);
        BindDataPlanes(builder);
        BindAnalytics(builder);
        return builder.Build();
    }

    private static string ReadSdl()
    {
        using var stream = typeof(PortalSchema).Assembly.GetManifestResourceStream("KonnectES.ControlPlane.Portal.PortalSchema.graphql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
