namespace KonnectES.EventStore.Storage;

/// <summary>
/// Every statement the store sends, bound to one schema. Parameters are positional ($n) so Npgsql sends
/// the text unchanged and can keep the statements prepared.
/// </summary>
internal sealed class EventStoreSql
{
    public const string EventColumns =
        "seq, tx, id, stream_id, version, type, data::text, tenant_id, actor, correlation_id, causation_id, headers::text, created_at";

    public EventStoreSql(string schema)
    {
        Schema = schema;
        Channel = schema + "_events";
        var s = schema;

        // One statement per stream: conditionally bump the stream row, then insert the events numbered from the
        // row's old version. When the check fails the CTE yields no row, nothing is inserted and no seq is drawn.
        // $1 stream id, $2 event count, $3.. see InsertMany / InsertOne, $11 expected version (Exact only).
        var exact = $"UPDATE {s}.streams SET version = version + $2, updated_at = now() WHERE id = $1 AND version = $11 RETURNING version - $2 AS base";
        var noStream = $"INSERT INTO {s}.streams (id, version) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING 0::bigint AS base";
        var any = $"INSERT INTO {s}.streams AS st (id, version) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET version = st.version + excluded.version, updated_at = now() RETURNING st.version - $2 AS base";
        var exists = $"UPDATE {s}.streams SET version = version + $2, updated_at = now() WHERE id = $1 RETURNING version - $2 AS base";

        const string insert = "INSERT INTO {0}.events (id, stream_id, version, type, data, tenant_id, actor, correlation_id, causation_id, headers) ";
        var insertMany = string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, s) +
            "SELECT e.id, $1, s.base + e.n, e.type, e.data, $6, $7, $8, $9, $10 FROM s, unnest($3::uuid[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(id, type, data, n) " +
            "RETURNING seq, tx, version, created_at";
        var insertOne = string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, s) +
            "SELECT $3, $1, s.base + 1, $4, $5, $6, $7, $8, $9, $10 FROM s RETURNING seq, tx, version, created_at";

        AppendMany = [With(any, insertMany), With(noStream, insertMany), With(exists, insertMany), With(exact, insertMany)];
        AppendOne = [With(any, insertOne), With(noStream, insertOne), With(exists, insertOne), With(exact, insertOne)];

        StreamVersion = $"SELECT version FROM {s}.streams WHERE id = $1";
        ReadStream = $"SELECT {EventColumns} FROM {s}.events WHERE stream_id = $1 AND version >= $2 ORDER BY version";

        // Only rows of transactions that have finished: nothing with a smaller (tx, seq) can still appear.
        ReadAll = $"SELECT {EventColumns} FROM {s}.events WHERE (tx, seq) > ($1::xid8, $2) " +
            "AND tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY tx, seq LIMIT $3";
        Notify = $"SELECT pg_notify('{Channel}', '')";
        LoadSnapshot = $"SELECT version, data::text FROM {s}.snapshots WHERE stream_id = $1 AND type = $2 AND schema_version = $3";
        SaveSnapshot = $"INSERT INTO {s}.snapshots (stream_id, type, version, schema_version, data) VALUES ($1, $2, $3, $4, $5::jsonb) " +
            "ON CONFLICT (stream_id, type) DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version, data = excluded.data, created_at = now() " +
            "WHERE excluded.version > snapshots.version OR excluded.schema_version <> snapshots.schema_version";

        TryLock = "SELECT pg_try_advisory_lock(hashtextextended($1, 0))";
        Unlock = "SELECT pg_advisory_unlock(hashtextextended($1, 0))";
        EnsureProgress = $"INSERT INTO {s}.progress (name) VALUES ($1) ON CONFLICT (name) DO NOTHING";
        LoadProgress = $"SELECT last_tx, last_seq FROM {s}.progress WHERE name = $1";
        SaveProgress = $"UPDATE {s}.progress SET last_tx = $2, last_seq = $3, status = $4, updated_at = now() WHERE name = $1";
        AllProgress = $"SELECT name, last_tx, last_seq FROM {s}.progress WHERE name = ANY($1)";
        DeadLetter = $"INSERT INTO {s}.dead_letter_events (projection, seq, tx, event_id, stream_id, version, type, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        CountVisible = $"SELECT count(*) FROM {s}.events WHERE tx < pg_snapshot_xmin(pg_current_snapshot())";
    }

    public string Schema { get; }

    /// <summary>The LISTEN/NOTIFY channel that wakes daemons after appends.</summary>
    public string Channel { get; }

    /// <summary>Indexed by <see cref="ModeIndex"/>.</summary>
    public string[] AppendMany { get; }

    /// <summary>Indexed by <see cref="ModeIndex"/>; the single-event form without arrays.</summary>
    public string[] AppendOne { get; }

    public string StreamVersion { get; }

    public string ReadStream { get; }

    public string ReadAll { get; }

    public string Notify { get; }

    public string LoadSnapshot { get; }

    public string SaveSnapshot { get; }

    public string TryLock { get; }

    public string Unlock { get; }

    public string EnsureProgress { get; }

    public string LoadProgress { get; }

    public string SaveProgress { get; }

    public string AllProgress { get; }

    public string DeadLetter { get; }

    public string CountVisible { get; }

    public string LockKey(string projection) => $"{Schema}:projection:{projection}";

    public static int ModeIndex(ExpectedVersion expected) => expected.Value switch
    {
        -1 => 0,
        0 => 1,
        -2 => 2,
        _ => 3,
    };

    private static string With(string streamCte, string insert) => $"WITH s AS ({streamCte}) {insert}";
}
