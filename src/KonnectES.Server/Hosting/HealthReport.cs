namespace KonnectES.Server.Hosting;

/// <summary>The JSON body of <c>GET /health</c>.</summary>
internal sealed record HealthReport(string Status, string Role, string Database, string EventStoreSchema, int SchemaVersion, string? Error = null);
