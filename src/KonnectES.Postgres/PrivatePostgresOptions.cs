namespace KonnectES.Postgres;

/// <summary>
/// Where and how a <see cref="PrivatePostgres"/> cluster runs.
/// </summary>
public sealed class PrivatePostgresOptions
{
    /// <summary>The cluster's data directory; created and initialised (<c>initdb</c>) when empty, reused otherwise.</summary>
    public string DataDirectory { get; set; } = Path.Combine(".konnectes", "pg");

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port at every start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// When false the cluster trades crash safety for speed (<c>fsync</c>, <c>synchronous_commit</c> and
    /// <c>full_page_writes</c> off). Only for throw-away clusters such as test runs.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>Extra <c>postgresql.conf</c> settings written at initialisation, e.g. <c>shared_buffers</c>.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long <c>pg_ctl</c> may take to start or stop the server.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
