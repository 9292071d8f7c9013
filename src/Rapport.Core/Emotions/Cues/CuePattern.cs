namespace Rapport.Core.Emotions.Cues;

/// <summary>
/// What a phrase of cues.tsv or signals.tsv means: the signal it raises, and its effect on each support emotion and
/// on escalation risk.
/// </summary>
internal sealed record CuePattern(string Signal, float[] Effects, float Risk, bool Suppress, bool Negates)
{
    public float Effect(SupportEmotion emotion) => Effects[(int)emotion];
}
