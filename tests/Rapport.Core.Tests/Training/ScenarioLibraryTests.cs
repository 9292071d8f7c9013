using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

public sealed class ScenarioLibraryTests
{
    private const string Minimal = """
        {
          "id": "tiny", "title": "Tiny", "persona": { "name": "Ann Lee", "situation": "Ann's lamp broke.", "temperament": "Calm." },
          "emotion": "frustration", "intensity": 0.6, "patience": 3, "turnLimit": 6, "atFault": true,
          "problem": "your lamp broke", "details": { "item": "lamp" },
          "facts": [ { "id": "order", "topic": "the order number", "fact": "#1", "askedBy": ["order number"], "lines": ["It's #1.", "#1."] } ],
          "resolution": [ { "id": "replace", "offer": "send a replacement lamp", "keywords": ["replacement"], "ask": "a new {item}" } ],
          "targets": ["OffersSolution"],
          "lines": {
            "opening": ["My {item} broke.", "The {item} is broken."], "calmer": ["Okay.", "Thanks."], "angrier": ["No.", "Ugh."],
            "resolved": ["Great.", "Thanks!"], "leaving": ["Bye.", "Done."], "manager": ["Manager.", "Boss."]
          }
        }
        """;

    [Fact]
    public void Library_HasAtLeast20Scenarios_WithUniqueIds()
    {
        var scenarios = ScenarioLibrary.Default.Scenarios;

        Assert.True(scenarios.Count >= 20, $"{scenarios.Count} scenarios");
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(scenarios.Count, ScenarioLibrary.ResourceNames().Count);
    }

    [Fact]
    public void Library_CoversTheIssuesList()
    {
        string[] required =
        [
            "damaged-order-deadline", "double-charge", "service-outage-during-work", "late-delivery", "third-contact-same-bug",
            "confused-first-time-user", "account-security-worry", "cancellation-threat", "elderly-unsure-steps", "language-barrier",
            "refund-outside-policy", "happy-small-question",
        ];

        Assert.All(required, id => Assert.NotNull(ScenarioLibrary.Default.Find(id)));
    }

    [Fact]
    public void EveryScenario_HasTheRequiredParts()
    {
        foreach (var scenario in ScenarioLibrary.Default.Scenarios)
        {
            Assert.False(string.IsNullOrWhiteSpace(scenario.Title));
            Assert.False(string.IsNullOrWhiteSpace(scenario.Persona.Situation));
            Assert.False(string.IsNullOrWhiteSpace(scenario.Persona.Temperament));
            Assert.InRange(scenario.Intensity, 0, 1);
            Assert.InRange(scenario.TurnLimit, 2, 12);
            Assert.NotEmpty(scenario.Facts);
            Assert.NotEmpty(scenario.Resolution);
            Assert.NotEmpty(scenario.Targets);
            Assert.All(Enum.GetValues<CustomerMove>().Where(m => m is not (CustomerMove.Steady or CustomerMove.Missing)),
                move => Assert.True(scenario.Lines[move].Count >= 2, $"{scenario.Id}: {move}"));
        }
    }

    [Fact]
    public void Find_IgnoresCase_AndReturnsNullForUnknownIds()
    {
        Assert.Equal("double-charge", ScenarioLibrary.Default.Find("Double-Charge")?.Id);
        Assert.Null(ScenarioLibrary.Default.Find("no-such-scenario"));
    }

    [Fact]
    public void Parse_ReadsAMinimalScenario()
    {
        var scenario = ScenarioLibrary.Parse(Minimal, "tiny.json");

        Assert.Equal("tiny", scenario.Id);
        Assert.Equal("Ann", scenario.FirstName);
        Assert.Equal(TrainingRules.DefaultCalmAt, scenario.CalmAt);
        Assert.Equal("lamp", scenario.Details["item"]);
        Assert.Equal(["replacement"], scenario.Resolution[0].Keywords);
        Assert.Empty(scenario.CalmedBy);
    }

    [Theory]
    [InlineData("\"emotion\": \"frustration\"", "\"emotion\": \"rage\"", "emotion: unknown emotion 'rage'")]
    [InlineData("\"intensity\": 0.6", "\"intensity\": 1.6", "intensity: must be between 0 and 1")]
    [InlineData("\"title\": \"Tiny\", ", "", "title: is required")]
    [InlineData("\"id\": \"tiny\"", "\"id\": \"Tiny One\"", "kebab-case")]
    [InlineData("\"askedBy\": [\"order number\"]", "\"askedBy\": [\"receipt\"]", "must contain one of its askedBy phrases")]
    [InlineData("\"keywords\": [\"replacement\"]", "\"keywords\": [\"refund\"]", "must contain one of its keywords")]
    [InlineData("\"My {item} broke.\"", "\"My {thing} broke.\"", "lines.opening: placeholder {thing} is not in details")]
    [InlineData("\"a new {item}\"", "\"a new {thing}\"", "ask: placeholder {thing}")]
    [InlineData("\"manager\": [\"Manager.\", \"Boss.\"]", "\"manager\": [\"Manager.\"]", "lines.manager needs at least two phrasings")]
    [InlineData("\"targets\": [\"OffersSolution\"]", "\"targets\": [\"Juggling\"]", "unknown practice 'Juggling'")]
    [InlineData("\"atFault\": true,", "", "atFault: is required")]
    public void Parse_RejectsABrokenScenario_NamingTheFileAndField(string from, string to, string expected)
    {
        var broken = Minimal.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, broken);

        var error = Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Parse(broken, "tiny.json"));

        Assert.StartsWith("tiny.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsMalformedJson()
    {
        var error = Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Parse("{ \"id\": ", "bad.json"));

        Assert.StartsWith("bad.json: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_RejectsDuplicateIds()
    {
        var tiny = ScenarioLibrary.Parse(Minimal, "tiny.json");

        Assert.Throws<InvalidDataException>(() => new ScenarioLibrary([tiny, tiny with { Title = "Again" }]));
    }
}
