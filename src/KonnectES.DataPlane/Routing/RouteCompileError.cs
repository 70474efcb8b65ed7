namespace KonnectES.DataPlane.Routing;

/// <summary>A route the table could not compile (it is left out; the data plane reports the snapshot as rejected).</summary>
/// <param name="RouteId">The route's id.</param>
/// <param name="RouteName">The route's name, when it has one.</param>
/// <param name="Field">The offending field, e.g. <c>paths[1]</c> or <c>headers.x-version[0]</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record RouteCompileError(string RouteId, string? RouteName, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"route {RouteName ?? RouteId}: {Field}: {Message}";
}
