using Rapport.Server;

var app = RapportServer.Build(args);
var newApiKey = await app.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await app.StartAsync().ConfigureAwait(false);
RapportServer.PrintUrls(app);
if (newApiKey is not null)
{
    RapportServer.PrintNewApiKey(app, newApiKey);
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
