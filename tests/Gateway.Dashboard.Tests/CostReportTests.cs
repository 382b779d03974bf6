using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// The owner's cost views against sums computed straight from the seeded <c>Conversations</c> and
/// <c>ConversationStages</c> rows, to the last decimal, in JSON and in CSV, for each app-database provider.
/// </summary>
public abstract class CostReportTests(CostLedgerSeedHost ledger)
{
    private static readonly string[] Views = ["overview", "by-model", "by-stage", "per-user", "input-output"];

    [Fact]
    public async Task DefaultRange_EachViewEqualsTheLedgerSums_ForEachOrganization()
    {
        var (from, to) = (ledger.Today.AddDays(-29), ledger.Today.AddDays(1));
        foreach (var org in new[] { ledger.A, ledger.B })
        {
            var owner = await ledger.Host.LoginAsync(org.Owner.Username, org.Owner.Password);
            await AssertViewsAsync(owner, "", new CostLedgerSeedTotals(ledger.Ledger, org.OrgId, from, to), from, to);
        }
    }

    [Fact]
    public async Task GivenRange_EachViewEqualsTheLedgerSums_OfQuestionsStartedInIt()
    {
        var (from, to) = (ledger.Today.AddDays(-18), ledger.Today.AddDays(-6));
        var expected = new CostLedgerSeedTotals(ledger.Ledger, ledger.A.OrgId, from, to);
        var all = new CostLedgerSeedTotals(ledger.Ledger, ledger.A.OrgId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.InRange(expected.Overall.Count, 1, all.Overall.Count - 1);

        await AssertViewsAsync(await OwnerAsync(), Range(from, to), expected, from, to);
    }

    [Fact]
    public async Task Csv_OfEachView_HasTheNumbersOfItsJson()
    {
        var owner = await OwnerAsync();
        foreach (var range in new[] { "", Range(ledger.Today.AddDays(-18), ledger.Today.AddDays(-6)) })
        {
            foreach (var view in Views)
            {
                var json = (await owner.GetAnswerAsync($"/dashboard/costs/{view}?{range}")).Expect(HttpStatusCode.OK).Json;
                var csv = (await owner.GetAnswerAsync($"/dashboard/costs/{view}?{range}&format=csv")).Expect(HttpStatusCode.OK);
                Assert.Equal("text/csv", csv.MediaType);
                var rows = ReadCsv(csv.Body);
                var objects = json.TryGetProperty("lines", out var lines) ? lines.EnumerateArray().ToList() : [json];
                Assert.True(rows.Count - 1 == objects.Count, $"{view} {range}: {rows.Count - 1} CSV rows for {objects.Count} JSON objects:\n{csv.Body}");
                Assert.True(objects.Count > 0, $"{view} {range}: no data");
                for (var i = 0; i < objects.Count; i++) AssertSameValues(objects[i], rows[0], rows[i + 1], $"{view} {range} row {i + 1}");
            }
        }
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2026-11-20&to=2026-11-10", "from")]
    [InlineData("format=xml", "format")]
    public async Task BadInput_IsRefusedWith400_NamingTheField(string query, string field)
    {
        var owner = await OwnerAsync();
        foreach (var view in Views)
        {
            var answer = (await owner.GetAnswerAsync($"/dashboard/costs/{view}?{query}")).Expect(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.True(answer.Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{view}?{query}: {answer}");
        }
    }

    private Task<HttpClient> OwnerAsync() => ledger.Host.LoginAsync(ledger.A.Owner.Username, ledger.A.Owner.Password);

    /// <summary>The query for [from, to): the inclusive UTC days from the first to the one before <paramref name="to"/>.</summary>
    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        FormattableString.Invariant($"from={from:yyyy-MM-dd}&to={to.AddDays(-1):yyyy-MM-dd}");

    private static async Task AssertViewsAsync(HttpClient owner, string range, CostLedgerSeedTotals expected, DateTimeOffset from, DateTimeOffset to)
    {
        var overview = await ViewAsync(owner, "overview", range, from, to);
        AssertSums(overview, expected.Overall, "questions", "overview");
        Assert.Equal(expected.ActiveUsers, overview.GetProperty("activeUsers").GetInt64());

        var split = await ViewAsync(owner, "input-output", range, from, to);
        AssertEqual(expected.Overall.InputTokens, split.GetProperty("inputTokens").GetInt64(), "input-output inputTokens");
        AssertEqual(expected.Overall.OutputTokens, split.GetProperty("outputTokens").GetInt64(), "input-output outputTokens");
        AssertEqual(expected.Overall.InputCost, split.GetProperty("inputCost").GetDecimal(), "input-output inputCost");
        AssertEqual(expected.Overall.OutputCost, split.GetProperty("outputCost").GetDecimal(), "input-output outputCost");

        var byModel = Lines(await ViewAsync(owner, "by-model", range, from, to), line => line.GetProperty("model").GetString()!);
        AssertGroups(expected.ByModel, byModel, "calls", "by-model");

        var byStage = Lines(await ViewAsync(owner, "by-stage", range, from, to),
            line => (line.GetProperty("stageNumber").GetInt32(), line.GetProperty("stageName").GetString()!));
        AssertGroups(expected.ByStage, byStage, "calls", "by-stage");

        var perUser = Lines(await ViewAsync(owner, "per-user", range, from, to), line => line.GetProperty("userId").GetInt64());
        AssertGroups(expected.PerUser, perUser, "questions", "per-user");
        Assert.All(perUser.Values, line => Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("displayName").GetString())));
    }

    /// <summary>Reads one view and checks it states the half-open range it covers.</summary>
    private static async Task<JsonElement> ViewAsync(HttpClient owner, string view, string range, DateTimeOffset from, DateTimeOffset to)
    {
        var json = (await owner.GetAnswerAsync($"/dashboard/costs/{view}?{range}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(from, json.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(to, json.GetProperty("to").GetDateTimeOffset());
        return json;
    }

    private static Dictionary<TKey, JsonElement> Lines<TKey>(JsonElement view, Func<JsonElement, TKey> key) where TKey : notnull =>
        view.GetProperty("lines").EnumerateArray().ToDictionary(key);

    private static void AssertGroups<TKey>(IReadOnlyDictionary<TKey, SeedSums> expected, Dictionary<TKey, JsonElement> actual, string countName, string view)
        where TKey : notnull
    {
        Assert.True(expected.Keys.ToHashSet().SetEquals(actual.Keys),
            $"{view}: expected lines [{string.Join(", ", expected.Keys)}], got [{string.Join(", ", actual.Keys)}]");
        foreach (var (key, sums) in expected) AssertSums(actual[key], sums, countName, $"{view} {key}");
    }

    private static void AssertSums(JsonElement actual, SeedSums expected, string countName, string what)
    {
        AssertEqual(expected.Count, actual.GetProperty(countName).GetInt64(), $"{what} {countName}");
        AssertEqual(expected.InputTokens, actual.GetProperty("inputTokens").GetInt64(), $"{what} inputTokens");
        AssertEqual(expected.OutputTokens, actual.GetProperty("outputTokens").GetInt64(), $"{what} outputTokens");
        AssertEqual(expected.InputCost, actual.GetProperty("inputCost").GetDecimal(), $"{what} inputCost");
        AssertEqual(expected.OutputCost, actual.GetProperty("outputCost").GetDecimal(), $"{what} outputCost");
        AssertEqual(expected.TotalCost, actual.GetProperty("totalCost").GetDecimal(), $"{what} totalCost");
    }

    private static void AssertEqual<T>(T expected, T actual, string what) =>
        Assert.True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, got {actual}");

    /// <summary>Every CSV column names a JSON property (snake_case, <c>_usd</c>/<c>_utc</c> suffixes) with the same value, and the other way round.</summary>
    private static void AssertSameValues(JsonElement json, IReadOnlyList<string> header, IReadOnlyList<string> row, string what)
    {
        var properties = json.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object)).Select(p => p.Name).ToHashSet();
        var columns = header.Select(JsonName).ToList();
        Assert.True(properties.SetEquals(columns), $"{what}: CSV columns [{string.Join(", ", header)}] against JSON [{string.Join(", ", properties)}]");
        for (var i = 0; i < header.Count; i++)
        {
            var value = json.GetProperty(columns[i]);
            var same = value.ValueKind switch
            {
                JsonValueKind.Number => decimal.Parse(row[i], NumberStyles.Float, CultureInfo.InvariantCulture) == value.GetDecimal(),
                JsonValueKind.String when value.TryGetDateTimeOffset(out var time) =>
                    DateTimeOffset.Parse(row[i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) == time,
                _ => row[i] == value.ToString(),
            };
            Assert.True(same, $"{what}: CSV {header[i]} = {row[i]}, JSON {columns[i]} = {value.GetRawText()}");
        }
    }

    private static string JsonName(string column)
    {
        var name = column.EndsWith("_usd", StringComparison.Ordinal) || column.EndsWith("_utc", StringComparison.Ordinal) ? column[..^4] : column;
        var words = name.Split('_');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>RFC 4180: comma-separated, CRLF rows, quoted cells with doubled quotes.</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                rows.Add(row);
                (row, cell) = ([], new StringBuilder());
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}

public sealed class SqliteCostReportTests(SqliteCostLedgerHost ledger) : CostReportTests(ledger), IClassFixture<SqliteCostLedgerHost>;

public sealed class PostgreSqlCostReportTests(PostgreSqlCostLedgerHost ledger) : CostReportTests(ledger), IClassFixture<PostgreSqlCostLedgerHost>;
