using Rapport.Server;

WebApplication app;
string? newApiKey;
try
{
    app = RapportServer.Build(args);
    newApiKey = await app.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
    await app.StartAsync().ConfigureAwait(false);
}
catch (Exception e) when (StartupFailure.Describe(e) is { } message)
{
    // A wrong setting or an unreachable database is the operator's to fix: one line, not a stack trace.
    Console.Error.WriteLine("rapport: error: " + message);
    return 2;
}

RapportServer.PrintUrls(app);
if (newApiKey is not null)
{
    RapportServer.PrintNewApiKey(app, newApiKey);
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
