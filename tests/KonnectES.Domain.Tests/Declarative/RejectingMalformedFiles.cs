namespace KonnectES.Domain.Tests.Declarative;

/// <summary>Corrupted files are answered with errors (values), never with exceptions.</summary>
public sealed class RejectingMalformedFiles
{
    private static readonly string[] Fixtures =
    [
        "deck-dump-entities-with-tags.yaml", "supabase-kong.yml", "kongair-prd-kong.yaml", "kic-upstreampolicy-ingress.yaml",
        "gdr-consumer-groups-scoped-plugins.yaml", "kic-plugin-instance-name.yaml",
    ];

    private static readonly string[] Noise = [":", "-", "[", "]", "{", "}", "'", "\"", "~", " ", "\t", "null", "99999999999", "&a", "*a", "!!int "];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void A_randomly_corrupted_fixture_is_either_imported_or_rejected_with_errors(int seed)
    {
        var random = new Random(seed);
        var state = Given.ControlPlaneWithOneService();
        var rejected = 0;
        for (var i = 0; i < 60; i++)
        {
            var text = Corrupt(SharedFixtures.Read(Fixtures[random.Next(Fixtures.Length)]), random);

            var result = ControlPlaneConfig.Decide(state, new ImportConfig(text, ConfigFormat.Yaml, (ImportMode)random.Next(2)));

            if (!result.IsSuccess)
            {
                rejected++;
                Assert.All(result.Errors, e => Assert.Contains(e.Code, new[] { DomainError.Validation, DomainError.NotFound, DomainError.Conflict }));
            }
        }

        Assert.True(rejected > 0);
    }

    private static string Corrupt(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(4))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2 when lines[at].Length > 0:
                    var col = random.Next(lines[at].Length);
                    lines[at] = lines[at][..col] + Noise[random.Next(Noise.Length)] + lines[at][(col + 1)..];
                    break;
                default:
                    lines = lines.Take(at + 1).ToList();
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
