namespace KonnectES.Domain.Tests;

/// <summary>Asserts the outcome of deciding one command.</summary>
internal static class Verdict
{
    public static void Accepted(ControlPlaneConfig state, IConfigCommand command)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
    }

    public static DomainError Rejected(ControlPlaneConfig state, IConfigCommand command, string field, string code = DomainError.Validation)
    {
        var result = ControlPlaneConfig.Decide(state, command);
        Assert.False(result.IsSuccess, $"expected a {code} error on '{field}'");
        var error = result.Errors.FirstOrDefault(e => e.Path == field);
        Assert.True(error is not null, $"expected an error on '{field}', got: {string.Join("; ", result.Errors)}");
        Assert.Equal(code, error.Code);
        return error;
    }
}
