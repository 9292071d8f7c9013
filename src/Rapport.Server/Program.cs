using Rapport.Server;

var app = RapportServer.Build(args);
await app.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
await app.StartAsync().ConfigureAwait(false);
RapportServer.PrintUrls(app);
await app.WaitForShutdownAsync().ConfigureAwait(false);
