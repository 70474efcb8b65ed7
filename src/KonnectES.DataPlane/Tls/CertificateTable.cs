using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tls;

/// <summary>
/// The snapshot's <c>certificates</c> by their <c>snis</c>, compiled once per snapshot and immutable: a handshake finds
/// its certificate as Kong's <c>kong/runloop/certificate.lua</c> does, by the exact server name first, then the
/// <c>*.example.com</c> wildcard one label deep, then the <c>www.example.*</c> one. A certificate whose PEM did not
/// change since the previous snapshot is taken over as it was, not parsed again.
/// </summary>
internal sealed class CertificateTable
{
    private const int MaxServerName = 255;

    private readonly FrozenDictionary<string, ServedCertificate> _byName;
    private readonly FrozenDictionary<string, ServedCertificate>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // id → the SHA-256 of the certificate's PEM fields and what they compiled to.
    private readonly Dictionary<string, (string Source, ServedCertificate Served)> _byId;

    private CertificateTable(
        FrozenDictionary<string, ServedCertificate> byName, Dictionary<string, (string Source, ServedCertificate Served)> byId, ImmutableArray<string> errors)
    {
        _byName = byName;
        _lookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = byId;
        Errors = errors;
    }

    /// <summary>No certificates: every handshake gets the default certificate.</summary>
    public static CertificateTable Empty { get; } =
        new(new Dictionary<string, ServedCertificate>().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), [], []);

    /// <summary>The number of certificates read from the snapshot.</summary>
    public int CertificateCount => _byId.Count;

    /// <summary>The number of server names (exact and wildcard) bound to a certificate.</summary>
    public int SniCount => _byName.Count;

    /// <summary>
    /// Why the snapshot's certificates cannot be served (a PEM that does not parse, a key that does not match, an SNI
    /// without its certificate); empty when they can.
    /// </summary>
    public ImmutableArray<string> Errors { get; }

    /// <summary>
    /// Reads the <c>certificates</c> and <c>snis</c> sections of a snapshot, taking over from <paramref name="previous"/>
    /// the certificates whose PEM fields are unchanged.
    /// </summary>
    public static CertificateTable Compile(JsonElement snapshot, CertificateTable? previous = null)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var compiled = new Dictionary<string, (string Source, ServedCertificate Served)>(StringComparer.Ordinal);
        foreach (var entity in SnapshotJson.Section(snapshot, "certificates"))
        {
            var id = SnapshotJson.String(entity, "id") ?? "";
            var cert = SnapshotJson.String(entity, "cert");
            var key = SnapshotJson.String(entity, "key");
            if (string.IsNullOrWhiteSpace(cert) || string.IsNullOrWhiteSpace(key))
            {
                errors.Add($"certificate {id}: {(string.IsNullOrWhiteSpace(cert) ? "cert" : "key")}: required field missing");
                continue;
            }

            var certAlt = SnapshotJson.String(entity, "cert_alt");
            var keyAlt = SnapshotJson.String(entity, "key_alt");
            var source = SourceOf(cert, key, certAlt, keyAlt);
            if (previous is not null && previous._byId.TryGetValue(id, out var kept) && kept.Source == source)
            {
                compiled[id] = kept;
                continue;
            }

            try
            {
                compiled[id] = (source, ServedCertificate.FromPem(id, cert, key, certAlt, keyAlt));
            }
            catch (FormatException exception)
            {
                errors.Add($"certificate {id}: {exception.Message}");
            }
        }

        var byName = new Dictionary<string, ServedCertificate>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in SnapshotJson.Section(snapshot, "snis"))
        {
            var name = SnapshotJson.String(entity, "name")?.TrimEnd('.');
            var certificateId = SnapshotJson.Reference(entity, "certificate");
            if (string.IsNullOrEmpty(name) || name.Length > MaxServerName)
            {
                errors.Add($"sni {SnapshotJson.String(entity, "id")}: name: not a server name");
            }
            else if (certificateId is null || !compiled.TryGetValue(certificateId, out var certificate))
            {
                // A certificate that failed to load has its own error already.
                if (certificateId is null || !errors.Any(e => e.StartsWith("certificate " + certificateId + ":", StringComparison.Ordinal)))
                {
                    errors.Add($"sni {name}: certificate: no certificate {certificateId} in the snapshot");
                }
            }
            else if (!byName.TryAdd(name, certificate.Served))
            {
                errors.Add($"sni {name}: name: bound twice");
            }
        }

        return new CertificateTable(byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), compiled, errors.ToImmutable());
    }

    /// <summary>
    /// The certificate bound to <paramref name="serverName"/> (the client's SNI, any case, trailing dot ignored), or
    /// null when none is (or no name was sent): the caller then serves the default certificate. Allocates nothing.
    /// </summary>
    public ServedCertificate? Find(ReadOnlySpan<char> serverName)
    {
        serverName = serverName.TrimEnd('.');
        if (serverName.IsEmpty || serverName.Length > MaxServerName || _byName.Count == 0)
        {
            return null;
        }

        if (_lookup.TryGetValue(serverName, out var exact))
        {
            return exact;
        }

        Span<char> wildcard = stackalloc char[MaxServerName + 1];
        var firstDot = serverName.IndexOf('.');
        if (firstDot > 0)
        {
            // a.example.com → *.example.com
            wildcard[0] = '*';
            serverName[firstDot..].CopyTo(wildcard[1..]);
            if (_lookup.TryGetValue(wildcard[..(serverName.Length - firstDot + 1)], out var prefixed))
            {
                return prefixed;
            }
        }

        var lastDot = serverName.LastIndexOf('.');
        if (lastDot > 0 && lastDot < serverName.Length - 1)
        {
            // www.example.com → www.example.*
            serverName[..(lastDot + 1)].CopyTo(wildcard);
            wildcard[lastDot + 1] = '*';
            if (_lookup.TryGetValue(wildcard[..(lastDot + 2)], out var suffixed))
            {
                return suffixed;
            }
        }

        return null;
    }

    private static string SourceOf(string cert, string key, string? certAlt, string? keyAlt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', cert, key, certAlt ?? "", keyAlt ?? ""))));
}
