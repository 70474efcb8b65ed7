using System.Text.RegularExpressions;

namespace KonnectES.Domain;

/// <summary>Konnect control-plane rules: required name, label keys and values.</summary>
public static partial class ControlPlaneRules
{
    private static readonly string[] ReservedPrefixes = ["kong", "konnect", "mesh", "kic", "_"];

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    /// <summary>Validates a control plane's own fields (name uniqueness across control planes is the host's check).</summary>
    public static IReadOnlyList<DomainError> Validate(ControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(controlPlane.Name))
        {
            errors.Add(DomainError.Invalid("required field missing", "name"));
        }

        foreach (var (key, value) in controlPlane.Labels)
        {
            if (key.Length is < 1 or > 63 || ReservedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(DomainError.Invalid("label keys must be 1 to 63 characters and must not start with kong, konnect, mesh, kic or _", "labels", key));
            }

            if (!LabelValue().IsMatch(value))
            {
                errors.Add(DomainError.Invalid("label values must be 1 to 63 characters, alphanumeric at both ends, with - . _ inside", "labels", key));
            }
        }

        return errors;
    }
}
