namespace Rapport.Core.Emotions.Cues;

/// <summary>A cue found in a text: the pattern and the character range it covers.</summary>
internal readonly record struct CueMatch(CuePattern Pattern, int Start, int End);
