using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Desk.Data;

namespace Rapport.Desk.Importing;

/// <summary>
/// Inserts many new rows of one entity type with multi-row <c>INSERT … VALUES (…), (…) RETURNING</c> statements, in
/// the context's current transaction. Columns, value converters (Unix milliseconds on SQLite, enum names, string
/// lists) and parameters come from the EF model, so the SQL is the same that SaveChanges would send, per row, for
/// both providers; it only saves EF's per-entity tracking and SQLite's one statement per row (docs/decisions/0011-import.md).
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Parameters per statement on SQLite, which binds each named parameter by a linear search of the statement's
    /// parameters, so binding costs grow with the square of their number: 30,000 made imports 25 times slower than 500.
    /// </summary>
    private const int SqliteMaxParameters = 100;

    /// <summary>Parameters per statement on PostgreSQL, where each statement is a round trip.</summary>
    private const int MaxParameters = 2000;

    /// <summary>
    /// Inserts <paramref name="rows"/>. When the key is generated and <paramref name="setId"/> is given, each row's id is
    /// read back and matched by <paramref name="correlate"/>: a column that is unique among the rows (RETURNING promises
    /// no order). Without <paramref name="setId"/> the ids are not read back (rows nothing else refers to).
    /// </summary>
    public static async Task InsertAsync<T>(
        RapportDbContext db, IReadOnlyList<T> rows, Func<T, string>? correlate, string? correlationColumnOf, Action<T, long>? setId, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var generated = key.ValueGenerated == ValueGenerated.OnAdd;
        var columns = entity.GetProperties().Where(p => !(generated && p == key)).ToArray();
        var mappings = columns.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(p => p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property.")).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ").ToString();
        var readIds = generated && setId is not null;
        var returning = readIds
            ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}, {sql.DelimitIdentifier(entity.FindProperty(correlationColumnOf!)!.GetColumnName(table)!)}"
            : "";
        Dictionary<string, T>? byCorrelation = readIds ? rows.ToDictionary(correlate!, StringComparer.Ordinal) : null;

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the batch's transaction.");
        var sqlite = db.Database.ProviderName == RapportDbContext.SqliteProvider;
        var maxParameters = sqlite ? SqliteMaxParameters : MaxParameters;
        var values = new object?[columns.Length];
        for (var start = 0; start < rows.Count;)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + (maxParameters * 8) + returning.Length);
            var count = 0;
            for (; start < rows.Count; start++, count++)
            {
                var row = rows[start];
                var needed = 0;
                for (var c = 0; c < columns.Length; c++)
                {
                    values[c] = getters[c].GetValue(row);
                    needed += values[c] is null ? 0 : 1;
                }

                // A null is written as NULL rather than bound, so rows with empty columns (most timers have several)
                // take fewer parameters and more of them fit in a statement.
                if (count > 0 && command.Parameters.Count + needed > maxParameters)
                {
                    break;
                }

                text.Append(count == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    text.Append(c == 0 ? "" : ", ");
                    if (values[c] is null)
                    {
                        text.Append("NULL");
                        continue;
                    }

                    var name = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    // CreateParameter applies the mapping's value converter, as SaveChanges does.
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, values[c], columns[c].IsNullable));
                    text.Append(name);
                }

                text.Append(')');
            }

            command.CommandText = text.Append(returning).ToString();
            if (!readIds)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                setId!(byCorrelation![reader.GetString(1)], reader.GetInt64(0));
            }
        }
    }

    /// <summary>True for the failures a concurrent writer causes (a unique key taken meanwhile).</summary>
    public static bool IsConflict(Exception exception) => exception is DbUpdateException or DbException;
}
