-- Schema v5 of the application tables, SQL Server: reasoning tokens and calls without a price.
-- Same table and column names in the PostgreSQL and SQLite scripts.

-- ReasoningTokens: the model's thinking, billed at the output price; OutputTokens stays the visible reply.
-- PriceKnown: 0 when no ModelPrices row was in force for the call; its cost columns then hold 0,
-- which the app never shows as a cost ("price unknown").
IF COL_LENGTH(N'dbo.ConversationStages', N'ReasoningTokens') IS NULL
    ALTER TABLE dbo.ConversationStages
        ADD ReasoningTokens int NOT NULL CONSTRAINT DF_ConversationStages_ReasoningTokens DEFAULT 0;
IF COL_LENGTH(N'dbo.ConversationStages', N'PriceKnown') IS NULL
    ALTER TABLE dbo.ConversationStages
        ADD PriceKnown bit NOT NULL CONSTRAINT DF_ConversationStages_PriceKnown DEFAULT 1;
IF COL_LENGTH(N'dbo.DailyModelCosts', N'ReasoningTokens') IS NULL
    ALTER TABLE dbo.DailyModelCosts
        ADD ReasoningTokens bigint NOT NULL CONSTRAINT DF_DailyModelCosts_ReasoningTokens DEFAULT 0;
IF COL_LENGTH(N'dbo.DailyModelCosts', N'UnpricedCalls') IS NULL
    ALTER TABLE dbo.DailyModelCosts
        ADD UnpricedCalls bigint NOT NULL CONSTRAINT DF_DailyModelCosts_UnpricedCalls DEFAULT 0;
GO

-- Calls recorded before this script had no price when none was in force: say so now.
UPDATE s
   SET PriceKnown = 0
  FROM dbo.ConversationStages s
 WHERE s.PriceKnown = 1
   AND NOT EXISTS (SELECT 1 FROM dbo.ModelPrices p WHERE p.Model = s.Model AND p.EffectiveFrom <= s.StartedAt);
GO

-- The totals of earlier days count their unpriced calls too (no earlier call had reasoning tokens).
-- Setting rather than adding, so running it again gives the same numbers.
UPDATE d
   SET UnpricedCalls = u.Calls
  FROM dbo.DailyModelCosts d
  JOIN (SELECT c.OrgId, CAST(CAST(c.StartedAt AS date) AS datetime2(3)) AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, COUNT(*) AS Calls
          FROM dbo.ConversationStages s
          JOIN dbo.Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL AND s.PriceKnown = 0
         GROUP BY c.OrgId, CAST(CAST(c.StartedAt AS date) AS datetime2(3)), c.UserId, s.Model, s.StageNumber, s.StageName) AS u
    ON d.OrgId = u.OrgId AND d.Day = u.Day AND d.UserId = u.UserId
   AND d.Model = u.Model AND d.StageNumber = u.StageNumber AND d.StageName = u.StageName;
GO
