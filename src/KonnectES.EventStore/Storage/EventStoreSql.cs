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

        // One INSERT per stream; the events table's unique (stream_id, version) index is the concurrency guard.
        // Exact(n) only inserts when the stream's last version is n (one probe of that index), so a stale
        // writer draws no seq; two writers racing for n + 1 collide on the unique index and the loser fails with
        // 23505 (its drawn seq is a harmless hole: readers order by (tx, seq) and never wait for holes).
        // Parameters: $1 stream id, $2 event id(s), $3 type(s), $4 data, $5 tenant, $6 actor, $7 correlation,
        // $8 causation, $9 headers, $10 expected version (Exact only).
        const string columns = "(id, stream_id, version, type, data, tenant_id, actor, correlation_id, causation_id, headers)";
        const string returning = " RETURNING seq, tx, version, created_at";
        const string manyRows = "FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS e(id, type, data, n)";
        var insert = $"INSERT INTO {s}.events {columns} ";
        // Versions are gapless, so "the last version is n" says both "n exists" and "n + 1 does not" in one
        // backward probe of the (stream_id, version) index.
        var exactCheck = $"(SELECT max(version) FROM {s}.events WHERE stream_id = $1) = $10";
        var newStream = $"WITH st AS (INSERT INTO {s}.streams (id) VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id) ";
        var lastVersion = $"WITH b AS (SELECT max(version) AS base FROM {s}.events WHERE stream_id = $1)";
        var anyBase = lastVersion + $", st AS (INSERT INTO {s}.streams (id) SELECT $1 FROM b WHERE b.base IS NULL ON CONFLICT (id) DO NOTHING) ";
        AppendOne =
        [
            anyBase + insert + "SELECT $2, $1, coalesce(b.base, 0) + 1, $3, $4, $5, $6, $7, $8, $9 FROM b" + returning,
            newStream + insert + "SELECT $2, $1, 1, $3, $4, $5, $6, $7, $8, $9 FROM st" + returning,
            lastVersion + " " + insert + "SELECT $2, $1, b.base + 1, $3, $4, $5, $6, $7, $8, $9 FROM b WHERE b.base IS NOT NULL" + returning,
            insert + "SELECT $2, $1, $10 + 1, $3, $4, $5, $6, $7, $8, $9 WHERE " + exactCheck + returning,
        ];
        AppendMany =
        [
            anyBase + insert + "SELECT e.id, $1, coalesce(b.base, 0) + e.n, e.type, e.data, $5, $6, $7, $8, $9 FROM b, " + manyRows[5..] + returning,
            newStream + insert + "SELECT e.id, $1, e.n, e.type, e.data, $5, $6, $7, $8, $9 FROM st, " + manyRows[5..] + returning,
            lastVersion + " " + insert + "SELECT e.id, $1, b.base + e.n, e.type, e.data, $5, $6, $7, $8, $9 FROM b, " + manyRows[5..] + " WHERE b.base IS NOT NULL" + returning,
            insert + "SELECT e.id, $1, $10 + e.n, e.type, e.data, $5, $6, $7, $8, $9 " + manyRows + " WHERE " + exactCheck + returning,
        ];

        StreamVersion = $"SELECT coalesce(max(version), 0) FROM {s}.events WHERE stream_id = $1";
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

    /// <summary>The <see cref="ModeIndex"/> of Exact(n), the only form with the expected-version parameter.</summary>
    public const int ExactMode = 3;

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

}
