using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

/// <summary>
/// Turns a Kong declarative document into the target configuration: collects entities (nested or
/// top-level), assigns ids (from the file, else the existing entity with the same endpoint key,
/// else a UUIDv5 of the natural key), resolves references by id or name, validates with Kong's
/// rules and builds the target state for MERGE or REPLACE.
/// </summary>
internal sealed partial class DeclarativeLoader
{
    private static readonly string[] FormatVersions = ["1.1", "2.1", "3.0"];

    private static readonly HashSet<string> RootKeys =
    [
        "_format_version", "_transform", "_comment", "_ignore", "_info", "_workspace", "_konnect", "_plugin_configs", "_konnectes",
        "services", "routes", "consumers", "consumer_groups", "consumer_group_consumers", "consumer_group_plugins", "upstreams",
        "targets", "plugins", "certificates", "snis", "keyauth_credentials", "basicauth_credentials", "jwt_secrets", "acls",
        "hmacauth_credentials", "ca_certificates",
    ];

    private readonly ControlPlaneConfig _current;
    private readonly ImportMode _mode;
    private readonly List<DomainError> _errors = [];
    private readonly List<PendingEntity> _pending = [];
    private readonly Dictionary<string, PendingEntity> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PendingEntity> _byId = [];
    private ControlPlaneConfig _base;
    private bool _legacy;
    private JsonObject _pluginConfigs = [];
    private JsonObject _defaults = [];
    private ImmutableArray<string> _selectTags = [];

    private DeclarativeLoader(ControlPlaneConfig current, ImportMode mode)
    {
        _current = current;
        _mode = mode;
        _base = current;
    }

    public static Result<ControlPlaneConfig> Load(ControlPlaneConfig current, JsonObject document, ImportMode mode)
    {
        var loader = new DeclarativeLoader(current, mode);
        return loader.Run(document);
    }

    private Result<ControlPlaneConfig> Run(JsonObject document)
    {
        ReadHeader(document);
        if (_errors.Count > 0)
        {
            return Result<ControlPlaneConfig>.Fail(_errors);
        }

        _base = _mode == ImportMode.Merge ? _current : _current.WithEntities(_current.Entities.Where(e => !IsManaged(e)));
        Collect(document);
        foreach (var kind in ConfigDiff.DependencyOrder)
        {
            foreach (var pending in _pending.Where(p => p.Type == kind))
            {
                ResolveReferences(pending);
                AssignId(pending);
            }
        }

        if (_errors.Count > 0)
        {
            return Result<ControlPlaneConfig>.Fail(_errors);
        }

        _pending.RemoveAll(p => p.Duplicate);
        foreach (var pending in _pending)
        {
            Materialize(pending);
        }

        return _errors.Count > 0 ? Result<ControlPlaneConfig>.Fail(_errors) : Build();
    }

    private void ReadHeader(JsonObject document)
    {
        foreach (var (key, _) in document)
        {
            if (!RootKeys.Contains(key))
            {
                _errors.Add(DomainError.Invalid(key == "vaults" ? "entity type not supported" : "unknown field", key));
            }
        }

        var version = document["_format_version"] switch
        {
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
        if (version is null)
        {
            _errors.Add(DomainError.Invalid("expected a string", "_format_version"));
        }
        else if (!FormatVersions.Contains(version))
        {
            _errors.Add(DomainError.Invalid("expected one of: 1.1, 2.1, 3.0 (got '" + version + "')", "_format_version"));
        }

        _legacy = version is "1.1" or "2.1";
        _pluginConfigs = document["_plugin_configs"] as JsonObject ?? [];
        if (document["_info"] is JsonObject info)
        {
            _defaults = info["defaults"] as JsonObject ?? [];
            _selectTags = info["select_tags"] is JsonArray tags
                ? [.. tags.Select(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : "").Where(t => t.Length > 0)]
                : [];
        }
    }

    /// <summary>Entities carrying every select tag; a membership follows its consumer.</summary>
    private bool IsManaged(ConfigEntity entity) => entity is ConsumerGroupMember m
        ? _current.Find(m.ConsumerId) is { } consumer && IsManaged(consumer)
        : _selectTags.All(entity.Tags.Contains);

    private Result<ControlPlaneConfig> Build()
    {
        var target = _base.UpsertAll(_pending.Select(p => p.Entity!));

        var prepared = new List<ConfigEntity>(_pending.Count);
        foreach (var pending in _pending)
        {
            var (entity, errors) = EntityValidator.Prepare(pending.Entity!, target);
            _errors.AddRange(errors.Select(e => e.Under(pending.Path)));
            prepared.Add(entity);
        }

        if (_errors.Count > 0)
        {
            return Result<ControlPlaneConfig>.Fail(_errors);
        }

        target = target.UpsertAll(prepared);

        foreach (var removed in _current.Entities.Where(e => target.Find(e.Id) is null))
        {
            foreach (var childId in target.ChildrenOf(removed.Id))
            {
                var child = target.Find(childId)!;
                _errors.Add(DomainError.Conflicting(
                    $"an existing '{Relations.Table(child.EntityType)}' entity references this '{Relations.Table(removed.EntityType)}' entity, which the file removes",
                    Relations.Table(child.EntityType), child.Id.ToString()));
            }
        }

        return _errors.Count > 0 ? Result<ControlPlaneConfig>.Fail(_errors) : Result<ControlPlaneConfig>.Ok(target);
    }
}
