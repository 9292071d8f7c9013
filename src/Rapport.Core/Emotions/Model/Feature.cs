namespace Rapport.Core.Emotions.Model;

/// <summary>A model feature: its hash and the tokens it came from (for evidence).</summary>
internal readonly record struct Feature(ulong Hash, int FirstToken, int LastToken);
