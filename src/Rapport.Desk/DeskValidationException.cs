namespace Rapport.Desk;

/// <summary>A request refers to something that does not exist or is not allowed; <see cref="Field"/> names the input.</summary>
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
