using System.Text.Json;

namespace Rapport.Server.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/analyze</c>.</summary>
internal sealed record AnalyzeRequest(string? Text);

/// <summary>Body of <c>POST /api/v1/review</c>: <c>customer</c> is one message or an array of them, oldest first.</summary>
internal sealed record ReviewRequest(JsonElement Customer, string? Reply, string? Name, string? Agent, bool? AtFault);
