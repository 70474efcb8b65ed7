namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// Where a consistent-hashing upstream takes its hash input from: Kong's <c>hash_on</c> (or <c>hash_fallback</c>)
/// and the header, query argument or URI capture it names. <see cref="Kind"/> is one of none, consumer, ip,
/// header, cookie, path, query_arg, uri_capture.
/// </summary>
internal sealed record HashSource(string Kind, string? Name)
{
    /// <summary>No hashing: Kong's <c>none</c>.</summary>
    public static HashSource None { get; } = new("none", null);

    /// <summary>True for <c>none</c>.</summary>
    public bool IsNone => Kind == "none";
}
