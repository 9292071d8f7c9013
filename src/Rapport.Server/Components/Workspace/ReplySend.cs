namespace Rapport.Server.Components.Workspace;

/// <summary>A reply the agent sends; <see cref="BelowThreshold"/> when they chose "Send anyway".</summary>
public sealed record ReplySend(string Body, int Score, bool BelowThreshold);
