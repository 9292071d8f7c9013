using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

public sealed class ScenarioWriterTests
{
    public static TheoryData<string> ScenarioIds => [.. ScenarioLibrary.Default.Scenarios.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void ToJson_OfALibraryScenario_ParsesBackToTheSameScenario(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;

        var json = ScenarioWriter.ToJson(scenario);
        var back = ScenarioLibrary.Parse(json, $"{id}.json");

        Assert.Equal(json, ScenarioWriter.ToJson(back));
        Assert.Equal(scenario.Persona, back.Persona);
        Assert.Equal(scenario.Facts.Select(f => f.Topic), back.Facts.Select(f => f.Topic));
        Assert.Equal(scenario.Lines[CustomerMove.Opening], back.Lines[CustomerMove.Opening]);
        Assert.Equal(scenario.Targets, back.Targets);
    }

    [Fact]
    public void ToJson_KeepsApostrophesReadable()
    {
        var json = ScenarioWriter.ToJson(ScenarioLibrary.Default.Find("damaged-order-deadline")!);

        Assert.Contains("my daughter's birthday party", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"id\": \"damaged-order-deadline\",", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsALibraryScenario()
    {
        ScenarioLibrary.Validate(ScenarioLibrary.Default.Find("double-charge")!, "double-charge");
    }

    [Fact]
    public void Validate_RejectsAnInMemoryScenarioThatBreaksAFileRule()
    {
        var scenario = ScenarioLibrary.Default.Find("double-charge")!;

        Assert.Contains("turnLimit", Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Validate(scenario with { TurnLimit = 40 }, "x")).Message, StringComparison.Ordinal);
        Assert.Contains("kebab-case", Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Validate(scenario with { Id = "Not Kebab" }, "x")).Message, StringComparison.Ordinal);
        Assert.Contains("trimmed", Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Validate(scenario with { Problem = " padded " }, "x")).Message, StringComparison.Ordinal);
        var lines = new Dictionary<CustomerMove, IReadOnlyList<string>>(scenario.Lines) { [CustomerMove.Calmer] = ["Okay."] };
        Assert.Contains("lines.calmer", Assert.Throws<InvalidDataException>(() => ScenarioLibrary.Validate(scenario with { Lines = lines }, "x")).Message, StringComparison.Ordinal);
    }
}
