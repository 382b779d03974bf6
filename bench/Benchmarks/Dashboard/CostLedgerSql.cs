namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>
/// Fills the cost ledger set-based: each statement makes the conversations numbered @first to @last and
/// their model calls together, so a conversation's totals are exactly the sum of its stages, as the
/// ledger writes them. Odd numbers get 3 stages and even 2, 2.5 on average.
/// </summary>
internal static class CostLedgerSql
{
    /// <summary>
    /// One in five conversations belongs to other organizations, so the organization filter matters.
    /// Start times step through the last 365 days by a prime number of seconds, which spreads them evenly
    /// but not in insertion order; ids are 32 hex digits like the app's, in random order too.
    /// </summary>
    public const string Insert = """
        WITH conversation AS (
            SELECT g,
                   md5(g::text) AS id,
                   g % 5 = 0 AS elsewhere,
                   @now - ((g * 7919) % 31536000) * interval '1 second' AS started_at
              FROM generate_series(@first::bigint, @last::bigint) AS g
        ), owned AS (
            SELECT c.*,
                   CASE WHEN elsewhere THEN 'bench-other-org-' || (g / 5 % 4) ELSE @orgId END AS org_id,
                   CASE WHEN elsewhere THEN @outsiderId + g % 40 ELSE (@userIds)[1 + (g % cardinality(@userIds))::int] END AS user_id
              FROM conversation c
        ), stage AS (
            SELECT o.*, seq,
                   CASE WHEN (g + seq * 3) % 10 < 6 THEN 'gemini-2.5-flash'
                        WHEN (g + seq * 3) % 10 < 9 THEN 'gemini-2.0-flash'
                        ELSE 'gemini-2.5-pro' END AS model,
                   400 + (g * 13 + seq * 101) % 3600 AS input_tokens,
                   40 + (g * 17 + seq * 31) % 800 AS output_tokens
              FROM owned o
             CROSS JOIN LATERAL generate_series(1, 2 + (g % 2)::int) AS seq
        ), priced AS (
            SELECT s.*,
                   round(s.input_tokens * p.InputPricePerMillion / 1000000, 10) AS input_cost,
                   round(s.output_tokens * p.OutputPricePerMillion / 1000000, 10) AS output_cost
              FROM stage s
              JOIN ModelPricing p ON p.Model = s.model
        ), conversations AS (
            INSERT INTO Conversations (ConversationId, ChatId, UserId, OrgId, Question, Way, Status, Answer, StartedAt, CompletedAt,
                                       InputTokens, OutputTokens, InputCost, OutputCost, TotalCost, DurationMs)
            SELECT id, user_id, user_id, org_id, 'Benchmark question ' || g, 'SqlQuery', 'Completed', 'Benchmark answer',
                   started_at, started_at + interval '4 seconds',
                   sum(input_tokens), sum(output_tokens), sum(input_cost), sum(output_cost), sum(input_cost + output_cost), 4000
              FROM priced
             GROUP BY g, id, user_id, org_id, started_at
        )
        INSERT INTO ConversationStages (ConversationId, Sequence, StageNumber, StageName, Model, InputTokens, OutputTokens,
                                        InputCost, OutputCost, TotalCost, DurationMs, StartedAt, Succeeded)
        SELECT id, seq, seq, CASE seq WHEN 1 THEN 'summary' WHEN 2 THEN 'answer' ELSE 'email' END, model, input_tokens, output_tokens,
               input_cost, output_cost, input_cost + output_cost, 900 + seq * 300, started_at + (seq - 1) * interval '1 second', true
          FROM priced
        """;

    /// <summary>
    /// A live table would have been vacuumed by autovacuum; without it the first reads set hint bits and
    /// index-only scans still visit the heap, so the figures would describe a state production never stays in.
    /// </summary>
    public const string Vacuum = "VACUUM (ANALYZE) Conversations, ConversationStages";

    public const string Count = "SELECT (SELECT COUNT(*) FROM Conversations), (SELECT COUNT(*) FROM ConversationStages)";
}
