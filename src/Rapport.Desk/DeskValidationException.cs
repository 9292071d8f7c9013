namespace Rapport.Desk;

/// <summary>
/// A well-formed request that the desk cannot apply: it refers to something that does not exist (a customer, agent or
/// team id in the body) or asks for a change its state does not allow; <see cref="Field"/> names the input. The API
/// answers 422 (docs/architecture.md, "Errors").
/// </summary>
public sealed class DeskValidationException : Exception
{
    public DeskValidationException()
    {
        Field = "";
    }

    public DeskValidationException(string message)
        : base(message)
    {
        Field = "";
    }

    public DeskValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public DeskValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
