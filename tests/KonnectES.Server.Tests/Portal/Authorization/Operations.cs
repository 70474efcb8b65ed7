using System.Text.Json;

namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>Every mutation of the portal and its main queries, each with what it needs.</summary>
internal static partial class Operations
{
    public static IReadOnlyDictionary<string, Operation> All { get; } =
        ConfigMutations().Concat(WholeConfig()).Concat(ControlPlanesAndTokens()).Concat(Queries()).ToDictionary(o => o.Name);

    private static IEnumerable<Operation> WholeConfig()
    {
        yield return new Operation("importConfig", Need.Edit,
            "mutation($cp: ID!, $d: String!) { importConfig(input: {controlPlaneId: $cp, format: JSON, mode: MERGE, document: $d}) { version diff { changes { name } } errors { code message } } }",
            (p, c) =>
            {
                c.Variables["d"] = JsonSerializer.Serialize(new { _format_version = "3.0", services = new[] { new { name = $"imported-{p.Unique()}", host = "i.internal" } } });
                return Task.CompletedTask;
            })
        { PayloadField = "importConfig", ChangesConfig = true };
        yield return new Operation("exportConfig", Need.Read, "mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: JSON) }", (_, _) => Task.CompletedTask);
        yield return new Operation("exportConfig with secrets", Need.Admin,
            "mutation($cp: ID!) { exportConfig(controlPlaneId: $cp, format: YAML, includeSecrets: true) }", (_, _) => Task.CompletedTask);
        yield return new Operation("rollbackConfig", Need.Administer,
            "mutation($cp: ID!, $v: Int!) { rollbackConfig(input: {controlPlaneId: $cp, toVersion: $v}) { version diff { changes { name } } errors { code message } } }",
            async (p, c) =>
            {
                c.Variables["v"] = await p.VersionAsync(c.Plane);
                await c.CreateAsync("createService", "service", $"name: \"rolled-back-{p.Unique()}\", host: \"h\"");
            })
        { PayloadField = "rollbackConfig", ChangesConfig = true };
        yield return new Operation("createDataPlaneToken", Need.Administer,
            "mutation($cp: ID!) { createDataPlaneToken(controlPlaneId: $cp) { token errors { code message } } }", (_, _) => Task.CompletedTask)
        { PayloadField = "createDataPlaneToken" };
        yield return new Operation("revokeDataPlaneToken", Need.Administer,
            "mutation($cp: ID!, $n: String!) { revokeDataPlaneToken(input: {controlPlaneId: $cp, name: $n}) { revoked errors { code message } } }",
            async (p, c) =>
            {
                c.Variables["n"] = $"dp-victim-{p.Unique()}";
                await p.Admin.DataAsync("mutation($cp: ID!, $n: String!) { createDataPlaneToken(controlPlaneId: $cp, name: $n) { token } }", new { cp = c.Plane, n = c.Variables["n"] });
            })
        {
            PayloadField = "revokeDataPlaneToken",
            Effect = async (p, c, allowed) => Assert.Equal(allowed, (await p.Admin.DataAsync("query($cp: ID!) { controlPlane(id: $cp) { dataPlaneTokens { name revokedAt } } }", new { cp = c.Plane }))
                .GetProperty("controlPlane").GetProperty("dataPlaneTokens").EnumerateArray()
                .Single(t => t.GetProperty("name").GetString() == (string)c.Variables["n"]!).GetProperty("revokedAt").ValueKind != JsonValueKind.Null),
        };
    }

    private static IEnumerable<Operation> ControlPlanesAndTokens()
    {
        yield return new Operation("createControlPlane", Need.Admin,
            "mutation($n: String!) { createControlPlane(input: {name: $n}) { controlPlane { id name } errors { code message } } }",
            (p, c) =>
            {
                c.Variables["n"] = $"created-{p.Unique()}";
                return Task.CompletedTask;
            })
        {
            PayloadField = "createControlPlane",
            Effect = async (p, c, allowed) => Assert.Equal(allowed, (await p.Admin.DataAsync("query($n: String) { controlPlane(name: $n) { id } }", new { n = c.Variables["n"] }))
                .GetProperty("controlPlane").ValueKind != JsonValueKind.Null),
        };
        yield return new Operation("updateControlPlane", Need.Admin,
            "mutation($cp: ID!) { updateControlPlane(input: {id: $cp, description: \"changed\"}) { controlPlane { id name description } errors { code message } } }",
            (_, _) => Task.CompletedTask)
        { PayloadField = "updateControlPlane", ChangesConfig = true, OwnPlane = true };
        yield return new Operation("deleteControlPlane", Need.Admin,
            "mutation($cp: ID!) { deleteControlPlane(input: {id: $cp}) { deletedId errors { code message } } }", (_, _) => Task.CompletedTask)
        { PayloadField = "deleteControlPlane", ChangesConfig = true, OwnPlane = true };
        yield return new Operation("createApiToken", Need.Admin,
            "mutation($n: String!, $cp: ID!) { createApiToken(input: {name: $n, roles: [{role: VIEWER, controlPlaneId: $cp}]}) { token errors { code message } } }",
            (p, c) =>
            {
                c.Variables["n"] = $"issued-{p.Unique()}";
                return Task.CompletedTask;
            })
        {
            PayloadField = "createApiToken",
            Effect = async (p, c, allowed) => Assert.Equal(allowed, (await p.Admin.DataAsync("mutation($n: String!) { revokeApiToken(input: {name: $n}) { revoked } }", new { n = c.Variables["n"] }))
                .At("revokeApiToken.revoked").GetBoolean()),
        };
        yield return new Operation("revokeApiToken", Need.Admin,
            "mutation($n: String!) { revokeApiToken(input: {name: $n}) { revoked errors { code message } } }",
            async (p, c) =>
            {
                var name = $"victim-{p.Unique()}";
                c.Variables["n"] = name;
                c.Kept["token"] = await p.Host.TokenAsync(name, "VIEWER", c.Plane);
            })
        {
            PayloadField = "revokeApiToken",
            Effect = async (p, c, allowed) => Assert.Equal(allowed, (await p.Admin.As(c.Kept["token"]).PostAsync("{ me { name } }")).TryGetProperty("errors", out _)),
        };
    }

    private static IEnumerable<Operation> Queries()
    {
        yield return new Operation("me", Need.Authenticated, "{ me { name roles { role } } }", (_, _) => Task.CompletedTask);
        yield return new Operation("controlPlane", Need.Read, """
            query($cp: ID) { controlPlane(id: $cp) { id name version configHash
              services { totalCount } routes { totalCount } consumers { totalCount } consumerGroups { totalCount } upstreams { totalCount }
              plugins { totalCount } certificates { totalCount } snis { totalCount } history(first: 1) { totalCount } configAt { version } diff(fromVersion: 1) { toVersion } } }
            """, (_, _) => Task.CompletedTask)
        { Hidden = (data, _) => data.GetProperty("controlPlane").ValueKind == JsonValueKind.Null };
        yield return new Operation("controlPlanes", Need.Read, "{ controlPlanes(first: 100) { totalCount edges { node { id name } } } }", (_, _) => Task.CompletedTask)
        {
            Hidden = (data, c) => data.At("controlPlanes.edges").EnumerateArray().All(e => e.Str("node.id") != c.Plane),
        };
        yield return new Operation("node", Need.Read, "query($id: ID!) { node(id: $id) { __typename id ... on Service { name host } } }",
            (p, c) =>
            {
                c.Variables["id"] = p.ServiceOfX;
                c.Tells.Add(p.ServiceOfX);
                return Task.CompletedTask;
            })
        { Hidden = (data, _) => data.GetProperty("node").ValueKind == JsonValueKind.Null };
    }
}
