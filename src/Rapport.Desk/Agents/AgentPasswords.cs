using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Agents;

/// <summary>
/// Agents' web sign-in passwords, hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// a per-password salt; the hash records its format, so stronger settings rehash on the next sign-in).
/// </summary>
public sealed class AgentPasswords(RapportDbContext db)
{
    private static readonly PasswordHasher<Agent> Hasher = new();

    // Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new Agent { Name = "", Email = "" }, "not a password"));

    /// <summary>The characters of generated passwords: no 0/O, 1/l/I, so they can be read off a console.</summary>
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Hash(Agent agent, string password) => Hasher.HashPassword(agent, password);

    /// <summary>A random password of three groups of four characters ("k7vx-2mqa-9tcd"), about 60 bits.</summary>
    public static string Generate() =>
        string.Join('-', RandomNumberGenerator.GetString(Alphabet, 4), RandomNumberGenerator.GetString(Alphabet, 4), RandomNumberGenerator.GetString(Alphabet, 4));

    /// <summary>Sets (or, with null, removes) the agent's password; false when there is no such agent.</summary>
    public async Task<bool> SetAsync(long agentId, string? password, CancellationToken cancellationToken)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            return false;
        }

        agent.PasswordHash = password is null ? null : Hash(agent, password);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The agent with this e-mail (case-insensitive) when the password matches; null otherwise.</summary>
    public async Task<Agent?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var normalized = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL: lower() works on SQLite and PostgreSQL, StringComparison does not.
        var agent = await db.Agents.Include(a => a.Team)
            .FirstOrDefaultAsync(a => a.Email.ToLower() == normalized, cancellationToken).ConfigureAwait(false);
#pragma warning restore CA1862
        if (agent?.PasswordHash is not { } hash)
        {
            Hasher.VerifyHashedPassword(new Agent { Name = "", Email = "" }, DummyHash.Value, password);
            return null;
        }

        switch (Hasher.VerifyHashedPassword(agent, hash, password))
        {
            case PasswordVerificationResult.Success:
                return agent;
            case PasswordVerificationResult.SuccessRehashNeeded:
                agent.PasswordHash = Hash(agent, password);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return agent;
            default:
                return null;
        }
    }
}
