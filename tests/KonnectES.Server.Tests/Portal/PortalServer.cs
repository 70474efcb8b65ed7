namespace KonnectES.Server.Tests.Portal;

/// <summary>
/// A class fixture: one server on its own fresh database, shared by the tests of a class. Each test works in a
/// control plane of its own, so the tests do not see each other's changes.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private PortalHost? _host;

    internal PortalHost Host => _host ?? throw new InvalidOperationException("The server is not started yet.");

    internal PortalClient Admin => Host.Admin;

    public PostgresDatabase Database => _database;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new PortalHost(_database);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
