namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// Set on <see cref="Microsoft.AspNetCore.Http.HttpContext.Features"/> by the pipeline: who the auth plugins
/// identified. Absent consumer = not authenticated; <see cref="IsAnonymous"/> = an auth plugin fell back to its
/// <c>anonymous</c> consumer. Traffic reports count per <see cref="KongConsumer.Id"/>.
/// </summary>
internal sealed class AuthenticatedConsumerFeature
{
    public KongConsumer? Consumer { get; set; }

    public KongCredential? Credential { get; set; }

    public bool IsAnonymous => Consumer is not null && Credential is null;
}
