using Rapport.Server;

WebApplication app;
FirstStart firstStart;
try
{
    app = RapportServer.Build(args);
    firstStart = await app.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
    await app.StartAsync().ConfigureAwait(false);
}
catch (Exception e) when (StartupFailure.Describe(e) is { } message)
{
    // A wrong setting or an unreachable database is the operator's to fix: one line, not a stack trace.
    Console.Error.WriteLine("rapport: error: " + message);
    return 2;
}

RapportServer.PrintUrls(app);
if (firstStart.DemoSignIn is { } demo)
{
    RapportServer.PrintDemoSignIn(app, demo);
}

if (firstStart.ApiKey is { } newApiKey)
{
    RapportServer.PrintNewApiKey(app, newApiKey);
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
