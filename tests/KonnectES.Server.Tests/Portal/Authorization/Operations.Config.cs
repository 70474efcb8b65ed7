namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>The config mutations (EDITOR and above): create, update and delete of every kind, and memberships.</summary>
internal static partial class Operations
{
    private static IEnumerable<Operation> ConfigMutations()
    {
        yield return Config("createService", "$n: String!", "createService(input: {controlPlaneId: $cp, name: $n, host: \"h\"}) { service { id name } errors { code message } }",
            (p, c) => Name(c, "svc"));
        yield return Config("updateService", "$id: ID!", "updateService(input: {controlPlaneId: $cp, id: $id, host: \"h2\"}) { service { id name } errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createService", "service", $"name: \"svc-{p.Unique()}\", host: \"h\""));
        yield return Config("deleteService", "$id: ID!", "deleteService(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createService", "service", $"name: \"svc-{p.Unique()}\", host: \"h\""));

        yield return Config("createRoute", "$s: ID!, $p: String!", "createRoute(input: {controlPlaneId: $cp, serviceId: $s, paths: [$p]}) { route { id paths } errors { code message } }",
            (p, c) => Set(c, ("s", p.ServiceOfX), ("p", $"/r{p.Unique()}")));
        yield return Config("updateRoute", "$id: ID!", "updateRoute(input: {controlPlaneId: $cp, id: $id, paths: [\"/changed\"]}) { route { id paths } errors { code message } }",
            async (p, c) => c.Variables["id"] = await Route(p, c));
        yield return Config("deleteRoute", "$id: ID!", "deleteRoute(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Route(p, c));

        yield return Config("createConsumer", "$n: String!", "createConsumer(input: {controlPlaneId: $cp, username: $n}) { consumer { id username } errors { code message } }",
            (p, c) => Name(c, "user"));
        yield return Config("updateConsumer", "$id: ID!, $n: String!", "updateConsumer(input: {controlPlaneId: $cp, id: $id, customId: $n}) { consumer { id username } errors { code message } }",
            async (p, c) =>
            {
                c.Variables["id"] = await Consumer(p, c);
                Name(c, "custom");
            });
        yield return Config("deleteConsumer", "$id: ID!", "deleteConsumer(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Consumer(p, c));

        yield return Config("createConsumerGroup", "$n: String!", "createConsumerGroup(input: {controlPlaneId: $cp, name: $n}) { consumerGroup { id name } errors { code message } }",
            (p, c) => Name(c, "group"));
        yield return Config("updateConsumerGroup", "$id: ID!", "updateConsumerGroup(input: {controlPlaneId: $cp, id: $id, tags: [\"t\"]}) { consumerGroup { id name } errors { code message } }",
            async (p, c) => c.Variables["id"] = await Group(p, c));
        yield return Config("deleteConsumerGroup", "$id: ID!", "deleteConsumerGroup(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Group(p, c));
        yield return Config("addConsumerToGroup", "$g: ID!, $c: ID!", "addConsumerToGroup(input: {controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}) { consumerGroup { id name } errors { code message } }",
            async (p, c) => Set(c, ("g", p.GroupOfX), ("c", await Consumer(p, c))));
        yield return Config("removeConsumerFromGroup", "$g: ID!, $c: ID!", "removeConsumerFromGroup(input: {controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}) { consumerGroup { id name } errors { code message } }",
            async (p, c) =>
            {
                var consumer = await Consumer(p, c);
                await p.Admin.OkAsync("addConsumerToGroup", "mutation($cp: ID!, $g: ID!, $c: ID!) { addConsumerToGroup(input: {controlPlaneId: $cp, consumerGroupId: $g, consumerId: $c}) { errors { code } } }",
                    new { cp = c.Plane, g = p.GroupOfX, c = consumer });
                Set(c, ("g", p.GroupOfX), ("c", consumer));
            });

        yield return Config("createUpstream", "$n: String!", "createUpstream(input: {controlPlaneId: $cp, name: $n}) { upstream { id name } errors { code message } }",
            (p, c) => Name(c, "up"));
        yield return Config("updateUpstream", "$id: ID!", "updateUpstream(input: {controlPlaneId: $cp, id: $id, slots: 100}) { upstream { id name } errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createUpstream", "upstream", $"name: \"up-{p.Unique()}\""));
        yield return Config("deleteUpstream", "$id: ID!", "deleteUpstream(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createUpstream", "upstream", $"name: \"up-{p.Unique()}\""));

        yield return Config("createTarget", "$u: ID!, $t: String!", "createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: $t}) { target { id target } errors { code message } }",
            (p, c) => Set(c, ("u", p.UpstreamOfX), ("t", TargetAddress(p))));
        yield return Config("updateTarget", "$id: ID!", "updateTarget(input: {controlPlaneId: $cp, id: $id, weight: 1}) { target { id target } errors { code message } }",
            async (p, c) => c.Variables["id"] = await Target(p, c));
        yield return Config("deleteTarget", "$id: ID!", "deleteTarget(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Target(p, c));

        yield return Config("createPlugin", "$c: ID!", "createPlugin(input: {controlPlaneId: $cp, name: \"rate-limiting\", consumerId: $c, config: {minute: 5}}) { plugin { id name } errors { code message } }",
            async (p, c) => c.Variables["c"] = await Consumer(p, c));
        yield return Config("updatePlugin", "$id: ID!", "updatePlugin(input: {controlPlaneId: $cp, id: $id, enabled: false}) { plugin { id name } errors { code message } }",
            async (p, c) => c.Variables["id"] = await Plugin(p, c));
        yield return Config("deletePlugin", "$id: ID!", "deletePlugin(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Plugin(p, c));

        yield return Config("createCertificate", "$cert: String!, $key: String!", "createCertificate(input: {controlPlaneId: $cp, cert: $cert, key: $key}) { certificate { id keyFingerprint } errors { code message } }",
            (p, c) => Set(c, ("cert", p.KeyPair.Cert), ("key", p.KeyPair.Key)));
        yield return Config("updateCertificate", "$id: ID!", "updateCertificate(input: {controlPlaneId: $cp, id: $id, tags: [\"t\"]}) { certificate { id keyFingerprint } errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createCertificate", "certificate", "cert: $cert, key: $key", new { cert = p.KeyPair.Cert, key = p.KeyPair.Key }));
        yield return Config("deleteCertificate", "$id: ID!", "deleteCertificate(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await c.CreateAsync("createCertificate", "certificate", "cert: $cert, key: $key", new { cert = p.KeyPair.Cert, key = p.KeyPair.Key }));

        yield return Config("createSni", "$n: String!, $certificate: ID!", "createSni(input: {controlPlaneId: $cp, name: $n, certificateId: $certificate}) { sni { id name } errors { code message } }",
            (p, c) => Set(c, ("n", $"sni{p.Unique()}.example.com"), ("certificate", p.CertificateOfX)));
        yield return Config("updateSni", "$id: ID!", "updateSni(input: {controlPlaneId: $cp, id: $id, tags: [\"t\"]}) { sni { id name } errors { code message } }",
            async (p, c) => c.Variables["id"] = await Sni(p, c));
        yield return Config("deleteSni", "$id: ID!", "deleteSni(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Sni(p, c));

        yield return Config("createCredential", "$c: ID!, $k: String!", "createCredential(input: {controlPlaneId: $cp, consumerId: $c, kind: KEY_AUTH, key: $k}) { credential { id kind } errors { code message } }",
            (p, c) => Set(c, ("c", p.ConsumerOfX), ("k", $"key-{p.Unique()}")));
        yield return Config("updateCredential", "$id: ID!, $n: String!", "updateCredential(input: {controlPlaneId: $cp, id: $id, key: $n}) { credential { id kind } errors { code message } }",
            async (p, c) =>
            {
                c.Variables["id"] = await Credential(p, c);
                Name(c, "key");
            });
        yield return Config("deleteCredential", "$id: ID!", "deleteCredential(input: {controlPlaneId: $cp, id: $id}) { deletedId errors { code message } }",
            async (p, c) => c.Variables["id"] = await Credential(p, c));
    }

    private static Operation Config(string field, string variables, string selection, Func<ControlPlanesXAndY, MatrixCase, Task> setup) =>
        new(field, Need.Edit, $"mutation($cp: ID!, {variables}) {{ {selection} }}", setup) { PayloadField = field, ChangesConfig = true };

    private static Operation Config(string field, string variables, string selection, Action<ControlPlanesXAndY, MatrixCase> setup) =>
        Config(field, variables, selection, (p, c) =>
        {
            setup(p, c);
            return Task.CompletedTask;
        });

    private static void Name(MatrixCase c, string prefix) => c.Variables["n"] = $"{prefix}-{Guid.NewGuid():N}";

    private static void Set(MatrixCase c, params (string Key, object Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            c.Variables[key] = value;
            if (value is string s && Guid.TryParse(s, out _))
            {
                c.Tells.Add(s);
            }
        }
    }

    private static string TargetAddress(ControlPlanesXAndY p)
    {
        var n = p.Unique();
        return $"10.9.{n / 250}.{(n % 250) + 1}:80";
    }

    private static Task<string> Route(ControlPlanesXAndY p, MatrixCase c) =>
        c.CreateAsync("createRoute", "route", $"serviceId: $serviceId, paths: [\"/r{p.Unique()}\"]", new { serviceId = p.ServiceOfX });

    private static Task<string> Consumer(ControlPlanesXAndY p, MatrixCase c) => c.CreateAsync("createConsumer", "consumer", $"username: \"user-{p.Unique()}\"");

    private static Task<string> Group(ControlPlanesXAndY p, MatrixCase c) => c.CreateAsync("createConsumerGroup", "consumerGroup", $"name: \"group-{p.Unique()}\"");

    private static Task<string> Target(ControlPlanesXAndY p, MatrixCase c) =>
        c.CreateAsync("createTarget", "target", $"upstreamId: $upstreamId, target: \"{TargetAddress(p)}\"", new { upstreamId = p.UpstreamOfX });

    private static async Task<string> Plugin(ControlPlanesXAndY p, MatrixCase c) =>
        await c.CreateAsync("createPlugin", "plugin", "name: \"rate-limiting\", consumerId: $consumerId, config: {minute: 5}", new { consumerId = await Consumer(p, c) });

    private static Task<string> Sni(ControlPlanesXAndY p, MatrixCase c) =>
        c.CreateAsync("createSni", "sni", $"name: \"sni{p.Unique()}.example.com\", certificateId: $certificateId", new { certificateId = p.CertificateOfX });

    private static Task<string> Credential(ControlPlanesXAndY p, MatrixCase c) =>
        c.CreateAsync("createCredential", "credential", $"consumerId: $consumerId, kind: KEY_AUTH, key: \"key-{p.Unique()}\"", new { consumerId = p.ConsumerOfX });
}
