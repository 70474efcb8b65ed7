using System.Text.Json;
using KonnectES.ControlPlane.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Authentication and JSON errors of the cluster port.</summary>
internal static class ClusterHttp
{
    /// <summary>The caller's data-plane credential, or null after answering 401.</summary>
    public static async Task<DataPlaneCredential?> AuthenticateAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var credential = string.IsNullOrEmpty(token)
            ? null
            : await http.RequestServices.GetRequiredService<ApiTokenStore>().AuthenticateDataPlaneTokenAsync(token, http.RequestAborted);
        if (credential is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "a valid data-plane token is required (Authorization: Bearer <token>)");
        }

        return credential;
    }

    /// <summary>Answers <c>{"message": …}</c> with the status.</summary>
    public static Task ErrorAsync(HttpContext http, int status, string message, bool fullSync = false)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            if (fullSync)
            {
                writer.WriteBoolean("full_sync", true);
            }

            writer.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted).AsTask();
    }

    /// <summary>404 for a control plane that was deleted.</summary>
    public static Task NoConfigurationAsync(HttpContext http) =>
        ErrorAsync(http, StatusCodes.Status404NotFound, "the control plane has no configuration (it was deleted)");

    /// <summary>A query parameter as a non-negative integer, or null when absent.</summary>
    public static long? OptionalNumber(HttpContext http, string name)
    {
        var value = http.Request.Query[name].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ClusterBadRequestException($"{name} must be a non-negative integer");
    }

    /// <summary>The <c>node_id</c> query parameter, or null when absent.</summary>
    public static Guid? OptionalNodeId(HttpContext http)
    {
        var value = http.Request.Query["node_id"].ToString();
        return string.IsNullOrEmpty(value) ? null : ClusterReports.ParseNodeId(value, "node_id");
    }

    /// <summary>The frame of a head: <c>{"type":"snapshot_ready","control_plane_id",…}</c>.</summary>
    public static byte[] Frame(SnapshotReady ready)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "snapshot_ready");
            writer.WriteString("control_plane_id", ready.ControlPlaneId);
            writer.WriteNumber("version", ready.Version);
            writer.WriteString("config_hash", ready.ConfigHash);
            writer.WriteString("snapshot_hash", ready.SnapshotHash);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
