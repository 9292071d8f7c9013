using Rapport.Core.Emotions.Cues;
using Rapport.Core.Emotions.Model;
using Rapport.Core.Text;

namespace Rapport.Core.Emotions;

/// <summary>Explains a reading: the text ranges behind each label, and the conversation signals found.</summary>
internal static class EvidenceCollector
{
    private const int MaxPerLabel = 4;

    public static List<EmotionEvidence> CollectEvidence(EmotionModelOutputs outputs, ReadOnlySpan<Token> tokens, ReadOnlySpan<Feature> features, ReadOnlySpan<int> rows, SupportEmotion[] labels, ReadOnlySpan<CueMatch> cues, TextShape shape)
    {
        var evidence = new List<EmotionEvidence>();
        Span<(float Weight, int Feature)> top = stackalloc (float, int)[MaxPerLabel];
        foreach (var label in labels)
        {
            if (label == SupportEmotion.Neutral)
            {
                continue;
            }

            var before = evidence.Count;
            foreach (var cue in cues)
            {
                if (cue.Pattern.Effect(label) >= 0.3 && evidence.Count - before < MaxPerLabel)
                {
                    AddUnique(evidence, new EmotionEvidence(label, cue.Start..cue.End, CueName(cue.Pattern.Signal)));
                }
            }

            if (label == SupportEmotion.Anger && shape.Shouting)
            {
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Word && token.IsAllCaps && token.Length > 2 && evidence.Count - before < MaxPerLabel)
                    {
                        AddUnique(evidence, new EmotionEvidence(label, token.Range, "shouting"));
                    }
                }
            }

            var output = outputs.Support[(int)label];
            if (output < 0)
            {
                continue;
            }

            // The model's strongest unigram contributions, strongest first.
            var found = 0;
            for (var f = 0; f < features.Length; f++)
            {
                var feature = features[f];
                if (rows[f] < 0 || feature.FirstToken < 0 || feature.FirstToken != feature.LastToken)
                {
                    continue;
                }

                var weight = outputs.Model.Contribution(rows[f], output);
                if (weight < 1.5f)
                {
                    continue;
                }

                if (found < top.Length)
                {
                    top[found++] = (weight, f);
                }
                else
                {
                    var weakest = 0;
                    for (var k = 1; k < top.Length; k++)
                    {
                        weakest = top[k].Weight < top[weakest].Weight ? k : weakest;
                    }

                    if (weight > top[weakest].Weight)
                    {
                        top[weakest] = (weight, f);
                    }
                }
            }

            top[..found].Sort((a, b) => b.Weight.CompareTo(a.Weight));
            for (var k = 0; k < found && evidence.Count - before < MaxPerLabel; k++)
            {
                var token = tokens[features[top[k].Feature].FirstToken];
                AddUnique(evidence, new EmotionEvidence(label, token.Start..token.End, "word"));
            }
        }

        return evidence;
    }

    private static void AddUnique(List<EmotionEvidence> evidence, EmotionEvidence item)
    {
        foreach (var existing in evidence)
        {
            if (existing.Emotion == item.Emotion && existing.Range.Start.Value < item.Range.End.Value && item.Range.Start.Value < existing.Range.End.Value)
            {
                return;
            }
        }

        evidence.Add(item);
    }

    private static string CueName(string signal) => signal.Replace('-', ' ');

    public static List<string> Signals(ReadOnlySpan<CueMatch> cues, TextShape shape, bool sarcasm, bool contrast)
    {
        var signals = new List<string>();
        foreach (var cue in cues)
        {
            var signal = cue.Pattern.Signal;
            if (signal is not "emotion-word" and not "sarcasm-candidate" && !signals.Contains(signal))
            {
                signals.Add(signal);
            }
        }

        if (sarcasm && !signals.Contains("sarcasm"))
        {
            signals.Add("sarcasm");
        }

        if (contrast)
        {
            signals.Add("contrast");
        }

        if (shape.Shouting)
        {
            signals.Add("shouting");
        }

        if (shape.ExclamationRun)
        {
            signals.Add("exclamations");
        }

        if (shape.QuestionRun)
        {
            signals.Add("repeated-questions");
        }

        return signals;
    }
}
