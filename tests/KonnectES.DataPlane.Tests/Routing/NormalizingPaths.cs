using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Kong 3.x path normalisation (kong/tools/uri.lua since Kong/kong#8140): percent-encoded triplets are decoded
/// except reserved characters, which are kept with upper-case hex; dot segments are removed and slashes merged.
/// What goes upstream is escaped again (<c>escape()</c>): everything outside the request-line-safe set is encoded.
/// </summary>
public sealed class NormalizingPaths
{
    [Theory]
    [InlineData("", "")]
    [InlineData("/", "/")]
    [InlineData("/a/b/c/", "/a/b/c/")]
    [InlineData("/a%2fb%2fc/", "/a%2Fb%2Fc/")]
    [InlineData("/%21%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D", "/%21%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D")]
    [InlineData("/f%6f%6f", "/foo")]
    [InlineData("/%6B%6f%6e%67", "/kong")]
    [InlineData("/%2E", "/")]
    [InlineData("/./.././../", "/")]
    [InlineData("/a/b/c/./../../g", "/a/g")]
    [InlineData("/a//b//", "/a/b/")]
    [InlineData("/////", "/")]
    [InlineData("/endel%C3%B8st", "/endeløst")]
    [InlineData("/a%20b", "/a b")]
    [InlineData("/100%", "/100%")]
    public void A_request_path_is_normalised_as_kong_does(string raw, string normalised)
    {
        Assert.Equal(normalised, KongUri.Normalize(raw));
    }

    [Fact]
    public void Bytes_that_do_not_decode_to_utf8_stay_encoded()
    {
        Assert.Equal("/x/%FF/y", KongUri.Normalize("/%78/%ff/y"));
    }

    [Theory]
    [InlineData("/!#$%&'()*+,/:;=?@[]ABCXYZabcxyz0189-_.~", "/!#$%&'()*+,/:;=?@[]ABCXYZabcxyz0189-_.~")]
    [InlineData("/a b/c d", "/a%20b/c%20d")]
    [InlineData("/a😀", "/a%F0%9F%98%80")]
    [InlineData("/endeløst", "/endel%C3%B8st")]
    [InlineData("/a\"b<c>", "/a%22b%3Cc%3E")]
    public void The_upstream_path_is_escaped_as_kong_escapes_it(string path, string escaped)
    {
        Assert.Equal(escaped, KongUri.Escape(path));
    }

    [Theory]
    [InlineData("/a?b=1", "/a", "b=1")]
    [InlineData("/a?", "/a", "")]
    [InlineData("/a", "/a", null)]
    [InlineData("/a?b?c", "/a", "b?c")]
    public void The_query_string_is_split_off_at_the_first_question_mark(string target, string path, string? query)
    {
        Assert.Equal((path, query), (KongUri.PathOf(target, out var q), q));
    }
}
