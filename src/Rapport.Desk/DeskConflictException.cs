namespace Rapport.Desk;

/// <summary>A request would duplicate something unique (an agent's e-mail, a team's name, a message's external id);
/// <see cref="Field"/> names the input. The API answers 409.</summary>
public sealed class DeskConflictException : Exception
{
    public DeskConflictException()
    {
        Field = "";
    }

    public DeskConflictException(string message)
        : base(message)
    {
        Field = "";
    }

    public DeskConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public DeskConflictException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
