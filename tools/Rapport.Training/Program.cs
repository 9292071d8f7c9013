using System.Diagnostics;
using Rapport.Training;

// Regenerates src/Rapport.Core/Resources/emotions/goemotions.model.gz (from ../shared/data/goemotions) and
// valence.model.gz beside it (from ../shared/data/vader). See docs/data.md.
// Usage: dotnet run -c Release --project tools/Rapport.Training -- [--data ../shared/data] [--out PATH] [--epochs N]
//        [--skip-emotions] [--skip-valence]
var data = ArgValue("--data") ?? Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data"));
var output = ArgValue("--out") ?? Path.Combine("src", "Rapport.Core", "Resources", "emotions", "goemotions.model.gz");
var options = new TrainingOptions
{
    Epochs = int.Parse(ArgValue("--epochs") ?? "8", System.Globalization.CultureInfo.InvariantCulture),
    MinCount = int.Parse(ArgValue("--min-count") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
    L2 = float.Parse(ArgValue("--l2") ?? "1e-6", System.Globalization.CultureInfo.InvariantCulture),
    LearningRate = float.Parse(ArgValue("--lr") ?? "0.1", System.Globalization.CultureInfo.InvariantCulture),
    PositivePower = float.Parse(ArgValue("--pos-power") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
    NaiveBayes = !args.Contains("--no-nb"),
    Folds = int.Parse(ArgValue("--folds") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
};

if (!args.Contains("--skip-emotions"))
{
    TrainEmotionModel();
}

if (!args.Contains("--skip-valence"))
{
    var valenceOutput = Path.Combine(Path.GetDirectoryName(output)!, "valence.model.gz");
    var head = new ValenceTrainer(options).Train(Path.Combine(data, "vader"));
    using var valenceFile = File.Create(valenceOutput);
    head.Write(valenceFile);
    Console.WriteLine($"Wrote {valenceOutput} ({new FileInfo(valenceOutput).Length / 1024} KiB)");
}

void TrainEmotionModel()
{
    var folder = Path.Combine(data, "goemotions");
    var corpus = GoEmotionsCorpus.Load(folder);
    var train = GoEmotionsCorpus.ReadTsv(Path.Combine(folder, "train.tsv"));
    var dev = GoEmotionsCorpus.ReadTsv(Path.Combine(folder, "dev.tsv"));
    Console.WriteLine($"GoEmotions: {train.Count} train, {dev.Count} dev; options {options}");

    var stopwatch = Stopwatch.StartNew();
    var trainer = new EmotionModelTrainer(corpus, options);
    var model = options.Folds <= 1 ? trainer.TrainWithTuningSet(train, dev) : trainer.TrainWithOutOfFoldThresholds(train);
    Console.WriteLine($"Trained {model.FeatureCount} features x {model.Labels.Count} outputs in {stopwatch.Elapsed.TotalSeconds:F1} s");

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    using (var file = File.Create(output))
    {
        model.Write(file);
    }

    Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length / 1024} KiB)");
    EvaluationReport.Print(model, corpus, dev, "dev");
}

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
