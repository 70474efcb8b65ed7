using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace KonnectES.Domain;

internal sealed partial class DeclarativeLoader
{
    private void Materialize(PendingEntity pending)
    {
        var body = pending.Body;
        body["id"] = pending.Id.ToString();
        if (pending.Type == EntityType.Credential)
        {
            KeepOrGenerateSecrets(pending);
        }
        else if (pending.Type == EntityType.Certificate && _current.Find<Certificate>(pending.Id) is { } existing)
        {
            Keep(body, "key", existing.Key, generate: false);
            Keep(body, "key_alt", existing.KeyAlt, generate: false);
        }

        if (!_selectTags.IsEmpty && pending.Type != EntityType.ConsumerGroupMember)
        {
            var tags = body["tags"] as JsonArray ?? [];
            foreach (var tag in _selectTags.Where(t => !tags.Any(x => x?.ToString() == t)))
            {
                tags.Add(tag);
            }

            body["tags"] = tags.Parent is null ? tags : tags.DeepClone();
        }

        var result = KongEntityJson.FromKong(pending.Type, body, pending.Kind);
        if (result.IsSuccess)
        {
            pending.Entity = result.Value;
        }
        else
        {
            _errors.AddRange(result.Errors.Select(e => e.Under(pending.Path)));
        }
    }

    /// <summary>
    /// A placeholder or missing secret of an existing credential keeps the stored one (so an
    /// export without secrets re-imports as a no-op); a new credential without one gets a random one, like Kong.
    /// </summary>
    private void KeepOrGenerateSecrets(PendingEntity pending)
    {
        var existing = _current.Find<Credential>(pending.Id);
        var body = pending.Body;
        switch (pending.Kind)
        {
            case CredentialKind.KeyAuth:
                Keep(body, "key", existing?.Key, generate: true);
                break;
            case CredentialKind.BasicAuth:
                Keep(body, "password", existing?.Password, generate: false);
                break;
            case CredentialKind.Jwt:
                Keep(body, "key", existing?.Key, generate: true);
                var algorithm = body["algorithm"]?.ToString() ?? "HS256";
                Keep(body, "secret", existing?.Secret, generate: algorithm.StartsWith("HS", StringComparison.Ordinal));
                break;
            case CredentialKind.HmacAuth:
                Keep(body, "secret", existing?.Secret, generate: true);
                break;
        }
    }

    private static void Keep(JsonObject body, string field, string? current, bool generate)
    {
        var given = body[field]?.ToString();
        if (given is not null && !SecretMasking.IsPlaceholder(given))
        {
            return;
        }

        if (current is not null)
        {
            body[field] = current;
        }
        else if (generate)
        {
            body[field] = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        }
        else if (given is not null)
        {
            body.Remove(field);
        }
    }
}
