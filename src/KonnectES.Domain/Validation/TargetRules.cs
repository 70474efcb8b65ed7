namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/targets.lua: <c>host[:port]</c>, stored with port (default 8000).</summary>
internal static class TargetRules
{
    public const int DefaultPort = 8000;

    public static Target Normalize(Target t)
    {
        var value = t.TargetAddress.Trim();
        if (value.Length == 0)
        {
            return t;
        }

        if (System.Net.IPAddress.TryParse(value, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !value.StartsWith('['))
        {
            return t with { TargetAddress = $"[{value}]:{DefaultPort}" };
        }

        var (_, port) = Formats.SplitPort(value);
        return t with { TargetAddress = port is null && !value.EndsWith(':') ? $"{value}:{DefaultPort}" : value };
    }

    public static void Validate(Target t, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(t.TargetAddress))
        {
            errors.Add(DomainError.Invalid("required field missing", "target"));
        }
        else if (Formats.HostWithOptionalPortError(t.TargetAddress) is { } error)
        {
            errors.Add(DomainError.Invalid("Invalid target ('" + t.TargetAddress + "'); " + error, "target"));
        }

        Formats.Range(t.Weight, 0, 65535, "weight", errors);
    }
}
