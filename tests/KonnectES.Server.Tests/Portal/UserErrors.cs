using System.Text.Json;

namespace KonnectES.Server.Tests.Portal;

/// <summary>Assertions on a payload's <c>UserError</c>.</summary>
internal static class UserErrors
{
    public static void AssertIs(JsonElement error, string code, params string[] field)
    {
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (field.Length == 0)
        {
            return;
        }

        Assert.Equal(field, error.GetProperty("field").EnumerateArray().Select(f => f.GetString()!).ToArray());
    }
}
