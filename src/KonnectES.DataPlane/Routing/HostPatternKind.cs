namespace KonnectES.DataPlane.Routing;

/// <summary>How a route host compares.</summary>
internal enum HostPatternKind
{
    /// <summary>The whole host.</summary>
    Exact,

    /// <summary><c>*.example.com</c>: the host ends with <c>.example.com</c> (so <c>example.com</c> itself does not match).</summary>
    Suffix,

    /// <summary><c>example.*</c>: the host starts with <c>example.</c>.</summary>
    Prefix,
}
