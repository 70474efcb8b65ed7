using System.Text;
using System.Text.Json;
using KonnectES.ControlPlane.Cluster;
using KonnectES.Domain.Analytics;
using KonnectES.Projections.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Analytics;

/// <summary>
/// <c>POST /v1/traffic</c> on the cluster port: a data plane's traffic report (<see cref="TrafficReportJson"/>), stored
/// once per report id for the control plane its data-plane token belongs to. 204 when stored (or already stored), 400
/// with <c>{"message"}</c> for a malformed report, 401 without a valid data-plane token.
/// </summary>
public static class TrafficEndpoints
{
    /// <summary>The largest report accepted (a busy node's 10-second report stays far below it).</summary>
    public const int MaxReportBytes = 8 * 1024 * 1024;

    /// <summary>Maps <c>/traffic</c> on the cluster's <c>/v1</c> group.</summary>
    public static IEndpointConventionBuilder MapTrafficReports(this RouteGroupBuilder cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.MapPost("/traffic", ReceiveAsync);
    }

    private static async Task ReceiveAsync(HttpContext http)
    {
        if (await ClusterHttp.AuthenticateAsync(http) is not { } credential)
        {
            return;
        }

        if (http.Request.ContentLength > MaxReportBytes)
        {
            await ClusterHttp.ErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "the report is too large");
            return;
        }

        TrafficReport report;
        try
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            report = TrafficReportJson.Deserialize(await reader.ReadToEndAsync(http.RequestAborted));
        }
        catch (JsonException ex)
        {
            await ClusterHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "malformed traffic report: " + ex.Message);
            return;
        }

        await http.RequestServices.GetRequiredService<TrafficReportStore>().AppendAsync(credential.ControlPlaneId, report, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
