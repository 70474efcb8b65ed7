namespace KonnectES.Server.Tests.Portal;

public sealed class MaskingSecrets(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Credential_secrets_never_leave_except_in_an_admin_export_that_asks_for_them()
    {
        await using var host = new PortalHost(database);
        var cp = await host.CreateControlPlaneAsync("secrets");
        var consumer = (await host.Admin.DataAsync("mutation($cp: ID!) { createConsumer(input: {controlPlaneId: $cp, username: \"alice\"}) { consumer { id } } }", new { cp }))
            .GetProperty("createConsumer").GetProperty("consumer").GetProperty("id").GetString();
        var created = await host.Admin.DataAsync(
            "mutation($cp: ID!, $c: ID!) { createCredential(input: {controlPlaneId: $cp, consumerId: $c, kind: KEY_AUTH, key: \"top-secret-key\"}) { credential { kind key } errors { code } } }",
            new { cp, c = consumer });
        var viewer = host.Admin.As(await host.TokenAsync("secret-viewer", "VIEWER", cp));

        var read = await viewer.DataAsync(
            "query($cp: ID) { controlPlane(id: $cp) { consumer(username: \"alice\") { credentials { key } } history { edges { node { data } } } configAt { document } diff(fromVersion: 0) { changes { after } } } }", new { cp });
        var export = await viewer.DataAsync("mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON) }", new { cp });
        var viewerSecrets = await viewer.PostAsync("mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON, includeSecrets: true) }", new { cp });
        var adminSecrets = await host.Admin.DataAsync("mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON, includeSecrets: true) }", new { cp });

        Assert.Equal("<redacted>", created.GetProperty("createCredential").GetProperty("credential").GetProperty("key").GetString());
        Assert.DoesNotContain("top-secret-key", read.ToString());
        Assert.Contains("redacted", read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret-key", export.ToString());
        Assert.Equal("FORBIDDEN", viewerSecrets.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("top-secret-key", adminSecrets.GetProperty("exportConfig").GetString());

        // export then re-import of the masked file keeps the secret
        var reimport = await host.Admin.DataAsync(
            "mutation($cp: ID!, $d: String!) { importConfig(input: {controlPlaneId: $cp, format: JSON, mode: REPLACE, document: $d}) { version errors { code message } } }",
            new { cp, d = export.GetProperty("exportConfig").GetString() });
        Assert.Equal(0, reimport.GetProperty("importConfig").GetProperty("errors").GetArrayLength());
        var again = await host.Admin.DataAsync("mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON, includeSecrets: true) }", new { cp });
        Assert.Contains("top-secret-key", again.GetProperty("exportConfig").GetString());
    }
}
