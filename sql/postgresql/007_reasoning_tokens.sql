-- Schema v5 of the application tables, PostgreSQL: reasoning tokens and calls without a price.
-- Same table and column names in the SQL Server and SQLite scripts.

-- ReasoningTokens: the model's thinking, billed at the output price; OutputTokens stays the visible reply.
-- PriceKnown: false when no ModelPrices row was in force for the call; its cost columns then hold 0,
-- which the app never shows as a cost ("price unknown").
ALTER TABLE ConversationStages
    ADD COLUMN IF NOT EXISTS ReasoningTokens integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS PriceKnown      boolean NOT NULL DEFAULT true;

-- Calls recorded before this script had no price when none was in force: say so now.
UPDATE ConversationStages s
   SET PriceKnown = false
 WHERE s.PriceKnown
   AND NOT EXISTS (SELECT 1 FROM ModelPrices p WHERE p.Model = s.Model AND p.EffectiveFrom <= s.StartedAt);

ALTER TABLE DailyModelCosts
    ADD COLUMN IF NOT EXISTS ReasoningTokens bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS UnpricedCalls   bigint NOT NULL DEFAULT 0;

-- The totals of earlier days count their unpriced calls too (no earlier call had reasoning tokens).
-- Setting rather than adding, so running it again gives the same numbers.
UPDATE DailyModelCosts d
   SET UnpricedCalls = u.Calls
  FROM (SELECT c.OrgId, date_trunc('day', c.StartedAt AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, COUNT(*) AS Calls
          FROM ConversationStages s
          JOIN Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL AND NOT s.PriceKnown
         GROUP BY 1, 2, 3, 4, 5, 6) AS u
 WHERE d.OrgId = u.OrgId AND d.Day = u.Day AND d.UserId = u.UserId
   AND d.Model = u.Model AND d.StageNumber = u.StageNumber AND d.StageName = u.StageName;
