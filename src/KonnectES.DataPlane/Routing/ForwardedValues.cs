namespace KonnectES.DataPlane.Routing;

/// <summary>The forwarding headers Kong sends upstream, computed by <see cref="ForwardedHeaders.For"/>.</summary>
internal sealed record ForwardedValues
{
    /// <summary>The names of the headers <see cref="Headers"/> sets, whose incoming values are replaced.</summary>
    public static readonly string[] HeaderNames =
        ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Path", "X-Forwarded-Prefix", "X-Real-IP", "Via"];

    /// <summary><c>X-Forwarded-For</c>.</summary>
    public required string For { get; init; }

    /// <summary><c>X-Forwarded-Proto</c>; also decides whether an https-only route sees https.</summary>
    public required string Proto { get; init; }

    /// <summary><c>X-Forwarded-Host</c>; also the host of https redirects.</summary>
    public required string Host { get; init; }

    /// <summary><c>X-Forwarded-Port</c>.</summary>
    public required string Port { get; init; }

    /// <summary><c>X-Forwarded-Path</c>.</summary>
    public required string Path { get; init; }

    /// <summary><c>X-Forwarded-Prefix</c>, or null when none is sent.</summary>
    public string? Prefix { get; init; }

    /// <summary><c>X-Real-IP</c>.</summary>
    public required string RealIp { get; init; }

    /// <summary><c>Via</c>.</summary>
    public required string Via { get; init; }

    /// <summary>The headers to set on the upstream request, in Kong's order (a null prefix is left out).</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        yield return KeyValuePair.Create("X-Forwarded-For", For);
        yield return KeyValuePair.Create("X-Forwarded-Proto", Proto);
        yield return KeyValuePair.Create("X-Forwarded-Host", Host);
        yield return KeyValuePair.Create("X-Forwarded-Port", Port);
        yield return KeyValuePair.Create("X-Forwarded-Path", Path);
        if (Prefix is not null)
        {
            yield return KeyValuePair.Create("X-Forwarded-Prefix", Prefix);
        }

        yield return KeyValuePair.Create("X-Real-IP", RealIp);
        yield return KeyValuePair.Create("Via", Via);
    }
}
