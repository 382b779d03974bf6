using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Dated model prices from the <c>ModelPrices</c> table. Each model's prices are cached for a minute,
/// so a change made on another silo applies there within that minute. A model without a price in force is
/// logged once per model for the life of the book (one per silo process), naming the setting to add.
/// </summary>
public sealed partial class PriceBook(AppDatabase database, TimeProvider timeProvider, ILogger<PriceBook>? logger = null)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, CachedPrices> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _warnedUnpriced = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<PriceBook>.Instance;

    /// <summary>The price in force at <paramref name="at"/>: the newest one effective no later than it; null for an unknown model.</summary>
    public async Task<ModelPrice?> PriceAtAsync(string model, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var newestFirst = await PricesAsync(model, cancellationToken);
        var price = newestFirst.FirstOrDefault(candidate => candidate.EffectiveFrom <= at);
        if (price is null && _warnedUnpriced.TryAdd(model, true)) LogUnpriced(_logger, model);
        return price;
    }

    /// <summary>Every model with a price in force at <paramref name="at"/>, with that price, by name: the models an owner may choose.</summary>
    public async Task<IReadOnlyList<ModelPrice>> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Model, EffectiveFrom, InputPricePerMillion, OutputPricePerMillion
              FROM ModelPrices
             WHERE EffectiveFrom <= @at
             ORDER BY Model, EffectiveFrom DESC
            """;
        command.AddParameter("@at", database.Dialect.Timestamp(at));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var prices = new List<ModelPrice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var model = reader.GetString(0);
            // Newest first within a model: its first row is the one in force.
            if (prices.Count > 0 && prices[^1].Model == model) continue;
            prices.Add(new ModelPrice(model, DbValues.Decimal(reader, 2), DbValues.Decimal(reader, 3), DbValues.Timestamp(reader, 1)));
        }
        return prices;
    }

    /// <summary>Inserts the (model, effective-from) price, or updates it when that row exists.</summary>
    public async Task SetPriceAsync(ModelPrice price, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var done = await UpdateAsync(connection, price, cancellationToken) > 0
                   || await InsertIfAbsentAsync(connection, price, cancellationToken);
        // Another writer inserted the same row in between: ours is the later word.
        if (!done) await UpdateAsync(connection, price, cancellationToken);
        _cache.TryRemove(price.Model, out _);
    }

    /// <summary>Inserts each price that is not there yet and never changes one that is (configured prices at start).</summary>
    public async Task SeedAsync(IEnumerable<ModelPrice> prices, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var price in prices)
        {
            await InsertIfAbsentAsync(connection, price, cancellationToken);
            _cache.TryRemove(price.Model, out _);
        }
    }

    private async Task<IReadOnlyList<ModelPrice>> PricesAsync(string model, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(model, out var cached) && now - cached.LoadedAt < CacheLifetime) return cached.NewestFirst;
        var prices = await LoadAsync(model, cancellationToken);
        _cache[model] = new CachedPrices(prices, now);
        return prices;
    }

    private async Task<IReadOnlyList<ModelPrice>> LoadAsync(string model, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EffectiveFrom, InputPricePerMillion, OutputPricePerMillion
              FROM ModelPrices
             WHERE Model = @model
             ORDER BY EffectiveFrom DESC
            """;
        command.AddParameter("@model", model);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var prices = new List<ModelPrice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            prices.Add(new ModelPrice(model, DbValues.Decimal(reader, 1), DbValues.Decimal(reader, 2), DbValues.Timestamp(reader, 0)));
        }
        return prices;
    }

    private async Task<int> UpdateAsync(DbConnection connection, ModelPrice price, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE ModelPrices
               SET InputPricePerMillion = @input, OutputPricePerMillion = @output
             WHERE Model = @model AND EffectiveFrom = @effectiveFrom
            """;
        AddPrice(command, price);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>Whether this call inserted the row (false when it was already there).</returns>
    private async Task<bool> InsertIfAbsentAsync(DbConnection connection, ModelPrice price, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO ModelPrices (Model, EffectiveFrom, InputPricePerMillion, OutputPricePerMillion)
                SELECT @model, @effectiveFrom, @input, @output
                 WHERE NOT EXISTS (SELECT 1 FROM ModelPrices WHERE Model = @model AND EffectiveFrom = @effectiveFrom)
                """;
            AddPrice(command, price);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        catch (DbException)
        {
            // Silos seeding at once can both pass NOT EXISTS; the loser's key violation is harmless.
            if (await ExistsAsync(connection, price, cancellationToken)) return false;
            throw;
        }
    }

    private async Task<bool> ExistsAsync(DbConnection connection, ModelPrice price, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ModelPrices WHERE Model = @model AND EffectiveFrom = @effectiveFrom";
        command.AddParameter("@model", price.Model);
        command.AddParameter("@effectiveFrom", database.Dialect.Timestamp(price.EffectiveFrom));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private void AddPrice(DbCommand command, ModelPrice price)
    {
        command.AddParameter("@model", price.Model);
        command.AddParameter("@effectiveFrom", database.Dialect.Timestamp(price.EffectiveFrom));
        command.AddParameter("@input", MoneySql.Stored(price.InputPerMillion));
        command.AddParameter("@output", MoneySql.Stored(price.OutputPerMillion));
    }

    [LoggerMessage(1, LogLevel.Warning,
        "Model {Model} has no price in force: its calls are recorded with their tokens and shown as \"price unknown\". " +
        "Set ModelPrices:{Model}:Input and ModelPrices:{Model}:Output (USD per million tokens) and restart, or add a ModelPrices row")]
    private static partial void LogUnpriced(ILogger logger, string model);

    private sealed record CachedPrices(IReadOnlyList<ModelPrice> NewestFirst, DateTimeOffset LoadedAt);
}
