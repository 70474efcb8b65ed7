namespace KonnectES.Projections.ConfigSnapshot;

public sealed partial class ConfigSnapshotProjection
{
    private string Entities => $"{_schema}.config_snapshot_entities";

    /// <summary>$1 cp, $2 version, $3 Σ new hashes, $4 changed ids, $5 time, $6 reset (the control plane was deleted).</summary>
    private string HeadSql => $"""
        INSERT INTO {_schema}.config_snapshot_heads AS h (control_plane_id, version, hash, updated_at)
        VALUES ($1, $2, mod($3::numeric, {SnapshotHash.Modulus}), $5)
        ON CONFLICT (control_plane_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at,
            snapshot_hash = CASE WHEN $6::boolean THEN 0 ELSE h.snapshot_hash END,
            hash = CASE WHEN $6::boolean THEN 0 ELSE mod(mod(h.hash + $3::numeric - coalesce(
                (SELECT sum(e.entity_hash) FROM {Entities} e
                 WHERE e.control_plane_id = $1 AND e.id = ANY($4::uuid[]) AND e.deleted_at_version IS NULL), 0),
                {SnapshotHash.Modulus}) + {SnapshotHash.Modulus}, {SnapshotHash.Modulus}) END
        """;

    /// <summary>$1 cp, $2 ids, $3 versions.</summary>
    private string TombstoneSql => $"""
        UPDATE {Entities} e SET deleted_at_version = d.version, version = d.version
        FROM unnest($2::uuid[], $3::bigint[]) AS d(id, version)
        WHERE e.control_plane_id = $1 AND e.id = d.id AND e.deleted_at_version IS NULL
        """;

    /// <summary>$1 cp, then one array per column. <c>shipped</c> is settled by <see cref="ReshipSql"/> right after.</summary>
    private string UpsertSql => $"""
        INSERT INTO {Entities} AS e (control_plane_id, id, entity_type, section, document, entity_hash, enabled, service_id, route_id, shipped, version, deleted_at_version, content_hash)
        SELECT $1, u.id, u.entity_type, u.section, u.document::json, u.entity_hash, u.enabled, u.service_id, u.route_id, true, u.version, NULL, u.content_hash
        FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::boolean[], $8::uuid[], $9::uuid[], $10::bigint[], $11::numeric[])
            AS u(id, entity_type, section, document, entity_hash, enabled, service_id, route_id, version, content_hash)
        ON CONFLICT (control_plane_id, id) DO UPDATE SET entity_type = excluded.entity_type, section = excluded.section,
            document = excluded.document, entity_hash = excluded.entity_hash, content_hash = excluded.content_hash, enabled = excluded.enabled,
            service_id = excluded.service_id, route_id = excluded.route_id, version = excluded.version, deleted_at_version = NULL
        """;

    /// <summary>
    /// Recomputes <c>shipped</c> for the changed services, routes and plugins and for the routes and plugins below them;
    /// a row whose flag flips is stamped with the version. $1 cp, $2 changed ids, $3 version.
    /// </summary>
    private string ReshipSql => $"""
        WITH t AS (SELECT unnest($2::uuid[]) AS id),
        c AS (
            SELECT e.id FROM {Entities} e JOIN t ON e.id = t.id WHERE e.control_plane_id = $1 AND e.deleted_at_version IS NULL
            UNION
            SELECT e.id FROM {Entities} e JOIN t ON e.service_id = t.id WHERE e.control_plane_id = $1 AND e.deleted_at_version IS NULL
            UNION
            SELECT e.id FROM {Entities} e JOIN t ON e.route_id = t.id WHERE e.control_plane_id = $1 AND e.deleted_at_version IS NULL
            UNION
            SELECT p.id FROM {Entities} r JOIN {Entities} p ON p.control_plane_id = $1 AND p.route_id = r.id AND p.deleted_at_version IS NULL
            JOIN t ON r.service_id = t.id WHERE r.control_plane_id = $1 AND r.deleted_at_version IS NULL),
        n AS (
            SELECT e.id, e.enabled AND {_schema}.snapshot_service_enabled($1, e.service_id)
                AND (e.route_id IS NULL OR {_schema}.snapshot_service_enabled($1,
                    (SELECT r.service_id FROM {Entities} r WHERE r.control_plane_id = $1 AND r.id = e.route_id AND r.deleted_at_version IS NULL))) AS shipped
            FROM {Entities} e JOIN c ON e.id = c.id WHERE e.control_plane_id = $1)
        UPDATE {Entities} e SET shipped = n.shipped, version = greatest(e.version, $3)
        FROM n WHERE e.control_plane_id = $1 AND e.id = n.id AND e.shipped IS DISTINCT FROM n.shipped
        """;

    /// <summary>
    /// Adds (<c>$3 = 1</c>) or subtracts (<c>$3 = -1</c>) the content hashes of the shipped rows that a change of the ids
    /// <c>$2</c> can touch: the rows themselves, their routes and plugins, and the plugins of their routes. Run once
    /// before the rows change and once after, it keeps the head's <c>snapshot_hash</c> in O(changed rows). The set
    /// does not depend on the change (a row leaves or joins it only when it is itself one of <c>$2</c>), and every
    /// row whose <c>shipped</c> flag <see cref="ReshipSql"/> can flip is in it. $1 cp.
    /// </summary>
    private string SnapshotHashSql => $"""
        WITH t AS (SELECT unnest($2::uuid[]) AS id),
        a AS (
            SELECT e.id FROM {Entities} e JOIN t ON e.id = t.id WHERE e.control_plane_id = $1
            UNION
            SELECT e.id FROM {Entities} e JOIN t ON e.service_id = t.id WHERE e.control_plane_id = $1
            UNION
            SELECT e.id FROM {Entities} e JOIN t ON e.route_id = t.id WHERE e.control_plane_id = $1
            UNION
            SELECT p.id FROM {Entities} r JOIN {Entities} p ON p.control_plane_id = $1 AND p.route_id = r.id
            JOIN t ON r.service_id = t.id WHERE r.control_plane_id = $1)
        UPDATE {_schema}.config_snapshot_heads h SET snapshot_hash = mod(mod(h.snapshot_hash + $3::int * coalesce(
            (SELECT sum(e.content_hash) FROM {Entities} e JOIN a ON e.id = a.id
             WHERE e.control_plane_id = $1 AND e.shipped AND e.deleted_at_version IS NULL), 0),
            {SnapshotHash.Modulus}) + {SnapshotHash.Modulus}, {SnapshotHash.Modulus})
        WHERE h.control_plane_id = $1
        """;
}
