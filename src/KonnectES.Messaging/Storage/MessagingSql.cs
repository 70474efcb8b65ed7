namespace KonnectES.Messaging.Storage;

/// <summary>
/// The SQL text for one schema, built once. The schema name is validated as a plain identifier.
/// </summary>
internal sealed class MessagingSql
{
    private const string EnvelopeColumns = "o.seq, o.id, o.message_type, o.body, o.correlation_id, o.causation_id, o.headers::text, o.broadcast, o.attempts";

    public MessagingSql(string schema)
    {
        var s = schema;
        OutboxChannel = $"{s}_outbox";
        BroadcastChannel = $"{s}_broadcast";
        Migrate = MessagingSchema.Script(s);
        Enqueue = $"""
            INSERT INTO {s}.outbox (id, message_type, body, correlation_id, causation_id, headers, broadcast, deliver_after)
            SELECT u.id, u.t, u.b, u.c, u.ca, u.h::jsonb, u.br, now() + coalesce(u.d, interval '0')
            FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::interval[])
              AS u(id, t, b, c, ca, h, br, d)
            """;
        Notify = $"SELECT pg_notify('{OutboxChannel}', '')";
        Claim = $"""
            UPDATE {s}.outbox o
            SET owner_node = $1, claim_id = $2, claimed_until = now() + $3, attempts = o.attempts + 1
            WHERE o.seq IN (
              SELECT seq FROM {s}.outbox
              WHERE (owner_node = 0 OR claimed_until < now()) AND deliver_after <= now()
              ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING {EnvelopeColumns}
            """;
        StillClaimed = $"SELECT seq FROM {s}.outbox WHERE seq = ANY($1) AND claim_id = $2";
        InboxInsert = $"""
            INSERT INTO {s}.inbox (id, message_type, node)
            SELECT id, message_type, $3 FROM {s}.outbox WHERE seq = ANY($1) AND claim_id = $2 AND NOT broadcast
            ON CONFLICT (id) DO NOTHING RETURNING id
            """;
        Savepoint = "SAVEPOINT handler";
        RollbackToSavepoint = "ROLLBACK TO SAVEPOINT handler";
        DeleteDone = $"DELETE FROM {s}.outbox WHERE seq = ANY($1) AND claim_id = $2";
        InboxForget = $"DELETE FROM {s}.inbox WHERE id = ANY($1)";
        Reschedule = $"""
            UPDATE {s}.outbox o
            SET owner_node = 0, claim_id = NULL, claimed_until = NULL, deliver_after = now() + u.d, last_error = u.e
            FROM unnest($1::bigint[], $2::interval[], $3::text[]) AS u(seq, d, e)
            WHERE o.seq = u.seq AND o.claim_id = $4
            """;
        DeadLetterMove = $"""
            WITH moved AS (
              DELETE FROM {s}.outbox o USING unnest($1::bigint[], $2::text[], $3::text[]) AS u(seq, et, em)
              WHERE o.seq = u.seq AND o.claim_id = $5
              RETURNING o.id, o.message_type, o.body, o.correlation_id, o.causation_id, o.headers, o.broadcast, o.attempts, u.et, u.em)
            INSERT INTO {s}.dead_letters (id, message_type, body, correlation_id, causation_id, headers, broadcast, node, attempts, exception_type, exception_message)
            SELECT id, message_type, body, correlation_id, causation_id, headers, broadcast, $4, attempts, et, em FROM moved
            """;
        ReleaseClaim = $"UPDATE {s}.outbox SET owner_node = 0, claim_id = NULL, claimed_until = NULL, attempts = greatest(attempts - 1, 0) WHERE claim_id = $1";
        Publish = $"""
            SELECT pg_advisory_xact_lock(hashtext('{s}.broadcasts'));
            WITH moved AS (
              DELETE FROM {s}.outbox WHERE broadcast AND deliver_after <= now()
              RETURNING seq, id, message_type, body, correlation_id, causation_id, headers)
            INSERT INTO {s}.broadcasts (id, message_type, body, correlation_id, causation_id, headers)
            SELECT id, message_type, body, correlation_id, causation_id, headers FROM moved ORDER BY seq
            ON CONFLICT (id) DO NOTHING;
            SELECT pg_notify('{BroadcastChannel}', '');
            """;
        BroadcastHead = $"SELECT coalesce(max(seq), 0) FROM {s}.broadcasts";
        BroadcastRead = $"""
            SELECT seq, id, message_type, body, correlation_id, causation_id, headers::text, true, 0
            FROM {s}.broadcasts WHERE seq > $1 ORDER BY seq LIMIT $2
            """;
        BroadcastDeadLetter = $"""
            INSERT INTO {s}.dead_letters (id, message_type, body, correlation_id, causation_id, headers, broadcast, node, attempts, exception_type, exception_message)
            SELECT id, message_type, body, correlation_id, causation_id, headers, true, $2, $3, $4, $5 FROM {s}.broadcasts WHERE seq = $1
            """;
        RegisterNode = $"INSERT INTO {s}.nodes (node_id, name) VALUES ($1, $2) RETURNING node_number";
        Heartbeat = $"""
            INSERT INTO {s}.nodes (node_number, node_id, name) VALUES ($1, $2, $3)
            ON CONFLICT (node_number) DO UPDATE SET heartbeat_at = now()
            """;
        RenewClaims = $"UPDATE {s}.outbox SET claimed_until = now() + $2 WHERE claim_id = ANY($1)";
        ReleaseDeadNodes = $"""
            WITH dead AS (DELETE FROM {s}.nodes WHERE heartbeat_at < now() - $1 AND node_number <> $2 RETURNING node_number)
            UPDATE {s}.outbox SET owner_node = 0, claim_id = NULL, claimed_until = NULL
            WHERE owner_node IN (SELECT node_number FROM dead)
            """;
        PruneInbox = $"DELETE FROM {s}.inbox WHERE handled_at < now() - $1";
        PruneBroadcasts = $"DELETE FROM {s}.broadcasts WHERE published_at < now() - $1";
        PruneDeadLetters = $"DELETE FROM {s}.dead_letters WHERE failed_at < now() - $1";
        ReleaseOwn = $"UPDATE {s}.outbox SET owner_node = 0, claim_id = NULL, claimed_until = NULL WHERE owner_node = $1";
        Unregister = $"DELETE FROM {s}.nodes WHERE node_number = $1";
        OutboxEmpty = $"SELECT NOT EXISTS (SELECT 1 FROM {s}.outbox)";
        DeadLetterList = $"""
            SELECT id, message_type, broadcast, attempts, exception_type, exception_message, node, failed_at
            FROM {s}.dead_letters ORDER BY seq DESC LIMIT $1
            """;
        DeadLetterReplay = $"""
            WITH moved AS (DELETE FROM {s}.dead_letters WHERE id = $1 RETURNING *)
            INSERT INTO {s}.outbox (id, message_type, body, correlation_id, causation_id, headers, broadcast)
            SELECT id, message_type, body, correlation_id, causation_id, headers, broadcast FROM moved ORDER BY seq
            """;
        DeadLetterReplayBroadcastCleanup = $"DELETE FROM {s}.broadcasts WHERE id = $1";
        DeadLetterPurge = $"DELETE FROM {s}.dead_letters WHERE id = $1";
    }

    public string OutboxChannel { get; }

    public string BroadcastChannel { get; }

    public string Migrate { get; }

    public string Enqueue { get; }

    public string Notify { get; }

    public string Claim { get; }

    public string StillClaimed { get; }

    public string InboxInsert { get; }

    public string Savepoint { get; }

    public string RollbackToSavepoint { get; }

    public string DeleteDone { get; }

    public string InboxForget { get; }

    public string Reschedule { get; }

    public string DeadLetterMove { get; }

    public string ReleaseClaim { get; }

    public string Publish { get; }

    public string BroadcastHead { get; }

    public string BroadcastRead { get; }

    public string BroadcastDeadLetter { get; }

    public string RegisterNode { get; }

    public string Heartbeat { get; }

    public string RenewClaims { get; }

    public string ReleaseDeadNodes { get; }

    public string PruneInbox { get; }

    public string PruneBroadcasts { get; }

    public string PruneDeadLetters { get; }

    public string ReleaseOwn { get; }

    public string Unregister { get; }

    public string OutboxEmpty { get; }

    public string DeadLetterList { get; }

    public string DeadLetterReplay { get; }

    public string DeadLetterReplayBroadcastCleanup { get; }

    public string DeadLetterPurge { get; }
}
