using System.Globalization;
using System.Net.Http.Headers;
using KonnectES.Domain;

namespace KonnectES.Cluster.Support;

/// <summary>Asks a node's cluster port directly what the head is: the oracle the cluster suites compare data planes with.</summary>
internal static class ClusterProbe
{
    private static readonly HttpClient Http = new();

    public sealed record Head(long Version, ConfigHash ConfigHash, ConfigHash SnapshotHash, int Bytes);

    public static async Task<Head> HeadAsync(Uri clusterUrl, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(clusterUrl, "/v1/config?node_id=" + Guid.NewGuid()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return new Head(
            long.Parse(response.Headers.GetValues("X-Konnectes-Config-Version").Single(), CultureInfo.InvariantCulture),
            ConfigHash.Parse(response.Headers.GetValues("X-Konnectes-Config-Hash").Single()),
            ConfigHash.Parse(response.Headers.ETag!.Tag.Trim('"')),
            body.Length);
    }
}
