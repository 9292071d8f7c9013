namespace Rapport.Core.Language;

/// <summary>How much one word or n-gram says for one language: an index into the profile's languages and a weight.</summary>
internal readonly record struct Evidence(int Language, float Weight);

/// <summary>A slice of <see cref="LanguageProfiles.Evidence"/>; a count of 0 marks a known word that favours no language.</summary>
internal readonly record struct EvidenceRange(int Start, int Count);
