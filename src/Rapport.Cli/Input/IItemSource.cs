namespace Rapport.Cli.Input;

/// <summary>A stream of input records read one at a time (from a single thread).</summary>
internal interface IItemSource<T> : IDisposable
{
    /// <summary>How the input is named in messages.</summary>
    string Source { get; }

    /// <summary>Bytes consumed so far, for progress.</summary>
    long Position { get; }

    /// <summary>Lines read so far.</summary>
    int LinesRead { get; }

    /// <summary>The input's size in bytes, when known.</summary>
    long? Length { get; }

    /// <summary>Reads the next record.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="CliException">The input is malformed; the message names the file and line.</exception>
    bool TryRead(out T item);
}

/// <summary>A record that came from a line of an input.</summary>
internal interface ILineItem
{
    /// <summary>The line number (from 1) of the record; 0 when it did not come from a file.</summary>
    int Line { get; }
}

/// <summary>A record read from a line whose <c>line</c> and <c>id</c> are echoed back in JSON output.</summary>
internal interface IEchoedItem : ILineItem
{
    /// <summary>The record's <c>id</c>, when it had one.</summary>
    RecordId Id { get; }
}
