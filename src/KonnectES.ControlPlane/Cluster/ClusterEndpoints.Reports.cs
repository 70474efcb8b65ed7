using System.Text.Json;
using KonnectES.ControlPlane.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Heartbeats and refusals.</summary>
public static partial class ClusterEndpoints
{
    private const int MaxReportBytes = 256 * 1024;

    private static async Task StatusAsync(HttpContext http, DataPlaneCredential credential)
    {
        var report = ClusterReports.Status(await BodyAsync(http));
        await http.RequestServices.GetRequiredService<DataPlaneNodeReports>().ReportStatusAsync(credential.ControlPlaneId, report, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task NackAsync(HttpContext http, DataPlaneCredential credential)
    {
        var nack = ClusterReports.Nack(await BodyAsync(http));
        await http.RequestServices.GetRequiredService<DataPlaneNodeReports>().ReportRefusalAsync(credential.ControlPlaneId, nack, http.RequestAborted);
        ClusterLog.Refused(Logger(http), nack.NodeId, credential.ControlPlaneId, nack.Version, nack.Error);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<JsonElement> BodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxReportBytes)
        {
            throw new ClusterBadRequestException("the body is too large");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ClusterBadRequestException("the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ClusterBadRequestException("the body is not JSON: " + ex.Message);
        }
    }
}
