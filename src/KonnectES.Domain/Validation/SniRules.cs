namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/snis.lua: a (wildcard) hostname, no IP, no port.</summary>
internal static class SniRules
{
    public static void Validate(Sni s, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(s.Name))
        {
            errors.Add(DomainError.Invalid("required field missing", "name"));
        }
        else if (Formats.IsIp(s.Name))
        {
            errors.Add(DomainError.Invalid("must not be an IP", "name"));
        }
        else if (RouteRules.HostError(s.Name) is { } error || s.Name.Contains(':'))
        {
            errors.Add(DomainError.Invalid(s.Name.Contains(':') ? "must not have a port" : "invalid value: " + s.Name, "name"));
        }
    }
}
