namespace KonnectES.Server.Hosting;

/// <summary>
/// Where the event store lives: the configured <c>ConnectionStrings:EventStore</c>, or the private cluster once it started.
/// </summary>
internal sealed class EventStoreDatabase
{
    public EventStoreDatabase(string? configured)
    {
        ConnectionString = string.IsNullOrWhiteSpace(configured) ? null : configured;
        IsPrivate = ConnectionString is null;
    }

    /// <summary>True when this process runs its own PostgreSQL cluster.</summary>
    public bool IsPrivate { get; }

    public string? ConnectionString { get; set; }
}
