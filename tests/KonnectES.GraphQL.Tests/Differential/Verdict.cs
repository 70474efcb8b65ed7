using System.Text.Json.Serialization;

namespace KonnectES.GraphQL.Tests.Differential;

/// <summary>What graphql-js (or our engine) says about one document: parses (and where not), validates.</summary>
public sealed record Verdict(
    [property: JsonPropertyName("parse")] bool Parse,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("column")] int? Column,
    [property: JsonPropertyName("valid")] bool? Valid);
