using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.ControlPlanes;

/// <summary>Reads the control planes: by id, by name, or a filtered page ordered by name.</summary>
public sealed class ControlPlaneRecordReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private const string Columns = "id, name, description, labels::text, created_at, updated_at, version";
    private readonly string _schema = options.Value.Schema;

    /// <summary>The control plane with this id, or null.</summary>
    public async Task<ControlPlaneRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT {Columns} FROM {_schema}.control_planes WHERE id = $1", [id], cancellationToken)).FirstOrDefault();

    /// <summary>The control plane with this name, or null.</summary>
    public async Task<ControlPlaneRecord?> GetByNameAsync(string name, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT {Columns} FROM {_schema}.control_planes WHERE name = $1", [name], cancellationToken)).FirstOrDefault();

    /// <summary>
    /// A page ordered by name: <paramref name="nameContains"/> is a case-insensitive substring, <paramref name="labels"/>
    /// must all be present with these values, <paramref name="afterName"/> is the keyset cursor.
    /// </summary>
    public async Task<IReadOnlyList<ControlPlaneRecord>> ListAsync(
        string? nameContains = null, IReadOnlyDictionary<string, string>? labels = null, string? afterName = null, int first = 50,
        CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM {_schema}.control_planes WHERE true");
        var parameters = new List<object>();
        if (nameContains is { Length: > 0 })
        {
            parameters.Add("%" + nameContains.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            sql.Append(" AND name ILIKE $" + parameters.Count);
        }

        if (labels is { Count: > 0 })
        {
            parameters.Add(JsonSerializer.Serialize(labels));
            sql.Append($" AND labels @> ${parameters.Count}::jsonb");
        }

        if (afterName is not null)
        {
            parameters.Add(afterName);
            sql.Append(" AND name > $" + parameters.Count);
        }

        parameters.Add(Math.Clamp(first, 1, 1000));
        sql.Append(" ORDER BY name LIMIT $" + parameters.Count);
        return await ReadAsync(sql.ToString(), parameters, cancellationToken);
    }

    private async Task<IReadOnlyList<ControlPlaneRecord>> ReadAsync(string sql, List<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        parameters.ForEach(p => command.Parameters.Add(new NpgsqlParameter { Value = p }));
        var rows = new List<ControlPlaneRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [];
            rows.Add(new ControlPlaneRecord(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), labels.ToImmutableSortedDictionary(StringComparer.Ordinal),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6)));
        }

        return rows;
    }
}
