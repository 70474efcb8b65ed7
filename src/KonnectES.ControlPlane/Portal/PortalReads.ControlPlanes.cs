using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using KonnectES.Projections.ControlPlanes;
using Npgsql;

namespace KonnectES.ControlPlane.Portal;

/// <summary>The control planes a caller may read, paged in the database: keyset on the (unique) name, total by COUNT.</summary>
public sealed partial class PortalReads
{
    private const string ControlPlaneColumns = "id, name, description, labels::text, created_at, updated_at, version";

    /// <summary>
    /// Up to <paramref name="first"/> control planes after <paramref name="afterName"/>, ordered by name, and how many
    /// match the filters in all. <paramref name="nameContains"/> is a case-insensitive substring, every one of
    /// <paramref name="labels"/> must be present with its value, and <paramref name="readable"/> (null: all) limits
    /// the rows to the caller's control planes.
    /// </summary>
    public async Task<(IReadOnlyList<ControlPlaneRecord> Rows, long Total)> ControlPlanePageAsync(
        string? nameContains, IReadOnlyDictionary<string, string>? labels, IReadOnlyList<Guid>? readable, string? afterName, int first,
        CancellationToken cancellationToken)
    {
        var where = new StringBuilder(" WHERE true");
        var parameters = new List<object>();
        if (nameContains is { Length: > 0 })
        {
            parameters.Add("%" + nameContains.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%");
            where.Append(" AND name ILIKE $").Append(parameters.Count);
        }

        if (labels is { Count: > 0 })
        {
            parameters.Add(JsonSerializer.Serialize(labels));
            where.Append(" AND labels @> $").Append(parameters.Count).Append("::jsonb");
        }

        if (readable is not null)
        {
            parameters.Add(readable.ToArray());
            where.Append(" AND id = ANY($").Append(parameters.Count).Append(')');
        }

        var total = await CountAsync($"SELECT count(*) FROM {_schema}.control_planes{where}", parameters, cancellationToken);
        var page = new List<object>(parameters);
        var keyset = new StringBuilder(where.ToString());
        if (afterName is not null)
        {
            page.Add(afterName);
            keyset.Append(" AND name > $").Append(page.Count);
        }

        page.Add(first);
        var rows = await ControlPlanesAsync(
            $"SELECT {ControlPlaneColumns} FROM {_schema}.control_planes{keyset} ORDER BY name LIMIT ${page.Count}", page, cancellationToken);
        return (rows, total);
    }

    private async Task<long> CountAsync(string sql, List<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        parameters.ForEach(p => command.Parameters.Add(new NpgsqlParameter { Value = p }));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<ControlPlaneRecord>> ControlPlanesAsync(string sql, List<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        parameters.ForEach(p => command.Parameters.Add(new NpgsqlParameter { Value = p }));
        var rows = new List<ControlPlaneRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [];
            rows.Add(new ControlPlaneRecord(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                labels.ToImmutableSortedDictionary(StringComparer.Ordinal), reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6)));
        }

        return rows;
    }
}
