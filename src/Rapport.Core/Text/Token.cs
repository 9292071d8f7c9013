namespace Rapport.Core.Text;

/// <summary>A token: its place in the original text, its kind and the hash of its case-folded form.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, ulong Hash, bool IsAllCaps)
{
    public int End => Start + Length;

    public Range Range => new(Start, Start + Length);

    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
