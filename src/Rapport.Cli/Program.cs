using System.Runtime.InteropServices;
using Rapport.Cli;

// Ctrl+C (SIGINT) or SIGTERM cancels the running command through its CancellationToken: it stops reading, and exits
// with 130 after one line on stderr. A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
void OnSignal(PosixSignalContext signal)
{
    if (!cancellation.IsCancellationRequested)
    {
        signal.Cancel = true;
        cancellation.Cancel();
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return await CliApp.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
