namespace KonnectES.Benchmarks;

/// <summary>The raw comparison table: the same columns, defaults and indexes as the event store's events table.</summary>
internal static class BenchSchema
{
    public const string Store = "bench";

    public const string RawTable = "public.raw_events";

    public const string CreateRaw = $"""
        DROP TABLE IF EXISTS {RawTable};
        CREATE TABLE {RawTable} (
            seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
            tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
            id uuid NOT NULL,
            stream_id uuid NOT NULL,
            version bigint NOT NULL,
            type text NOT NULL,
            data jsonb NOT NULL,
            tenant_id text, actor text, correlation_id text, causation_id text, headers jsonb,
            created_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (stream_id, version));
        CREATE INDEX ON {RawTable} (tx, seq);
        """;

    public const string InsertOne =
        $"INSERT INTO {RawTable} (id, stream_id, version, type, data) VALUES ($1, $2, $3, $4, $5)";

    /// <summary>A plain multi-row VALUES insert of <paramref name="rows"/> rows.</summary>
    public static string InsertMany(int rows)
    {
        var values = Enumerable.Range(0, rows).Select(i => $"(${(i * 5) + 1}, ${(i * 5) + 2}, ${(i * 5) + 3}, ${(i * 5) + 4}, ${(i * 5) + 5})");
        return $"INSERT INTO {RawTable} (id, stream_id, version, type, data) VALUES {string.Join(", ", values)}";
    }
}
