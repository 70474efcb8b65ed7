using System.Text.Json;

namespace KonnectES.Server.Tests.Portal.Authorization;

public sealed class AuthorizingEveryOperation(ControlPlanesXAndY planes) : IClassFixture<ControlPlanesXAndY>
{
    /// <summary>Every operation × every caller, with the outcome the rules give (see <see cref="Rules"/>).</summary>
    public static TheoryData<string, Caller, string> Matrix()
    {
        var data = new TheoryData<string, Caller, string>();
        foreach (var operation in Operations.All.Values.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(operation.Name, caller, Rules.Expected(caller, operation.Need));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_the_outcome_the_rules_give_and_a_refusal_reveals_nothing_of_X(string operation, Caller caller, string expected)
    {
        // Given the control plane the call acts on (X, or a fresh one for changes to a control plane itself) and the caller's client
        var op = Operations.All[operation];
        var plane = op.OwnPlane ? await planes.Host.CreateControlPlaneAsync($"own-{planes.Unique()}") : planes.X;
        var client = op.OwnPlane ? await planes.ClientForAsync(caller, plane) : planes.ClientOf(caller);
        var @case = new MatrixCase(planes, plane);
        await op.Setup(planes, @case);
        var before = await planes.VersionAsync(plane);

        // When the caller sends it
        var variables = @case.Variables.Where(v => op.Document.Contains("$" + v.Key + ":", StringComparison.Ordinal)).ToDictionary();
        var response = await client.PostAsync(op.Document, variables);

        // Then the outcome is the rules' one
        Assert.Equal(expected, Outcome(op, response, @case));

        // And a refusal names nothing of X, and changes nothing
        var after = await planes.VersionAsync(plane);
        if (expected != Rules.Allowed)
        {
            var text = response.GetRawText();
            Assert.All(@case.Tells, tell => Assert.DoesNotContain(tell, text, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(before, after);
        }
        else if (op.ChangesConfig)
        {
            Assert.NotEqual(before, after);
        }

        if (op.Effect is { } effect)
        {
            await effect(planes, @case, expected == Rules.Allowed);
        }
    }

    [Fact]
    public void The_matrix_covers_every_mutation_of_the_schema()
    {
        // Given the served schema's mutations
        var sdl = ControlPlane.Portal.PortalSchema.Build().ToSdl();
        var mutationType = sdl[sdl.IndexOf("type Mutation", StringComparison.Ordinal)..];
        mutationType = mutationType[..mutationType.IndexOf('}', StringComparison.Ordinal)];
        var mutations = System.Text.RegularExpressions.Regex.Matches(mutationType, @"^\s+(\w+)\(", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

        // Then each has a row
        Assert.NotEmpty(mutations);
        Assert.All(mutations, m => Assert.True(Operations.All.ContainsKey(m), $"the authorization matrix has no row for {m}"));
    }

    private static string Outcome(Operation op, JsonElement response, MatrixCase @case)
    {
        if (response.TryGetProperty("errors", out var errors))
        {
            var code = errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
            return code is Rules.Unauthenticated or Rules.Forbidden ? code : "unexpected GraphQL error: " + errors;
        }

        var data = response.GetProperty("data");
        if (op.PayloadField is { } field)
        {
            var payloadErrors = data.GetProperty(field).GetProperty("errors");
            return payloadErrors.GetArrayLength() == 0 ? Rules.Allowed
                : payloadErrors[0].Str("code") == Rules.Forbidden ? Rules.Forbidden
                : "unexpected user error: " + payloadErrors;
        }

        return op.Hidden is { } hidden && hidden(data, @case) ? Rules.Forbidden : Rules.Allowed;
    }
}
