namespace Rapport.Desk.Assistant;

/// <summary>
/// One assistant turn at a time per conversation in this process, so two customer messages arriving together get one
/// reply (the second turn sees the first's reply and stays silent) and a conversation is handed off once. Striped: a
/// fixed set of locks, a conversation's lock chosen by its id. Across server instances the hand-off's primary key
/// (one per conversation) still refuses a second hand-off.
/// </summary>
public sealed class AssistantGate : IDisposable
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the conversation's turn; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(long conversationId, CancellationToken cancellationToken)
    {
        var gate = _locks[(int)((ulong)conversationId % Stripes)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _locks)
        {
            gate.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
