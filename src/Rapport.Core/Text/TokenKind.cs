namespace Rapport.Core.Text;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Emoji,
    Emoticon,
    Mention,
    Url,
}
