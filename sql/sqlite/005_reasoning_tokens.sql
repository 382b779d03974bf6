-- Schema v5 of the application tables, SQLite: reasoning tokens and calls without a price.
-- Same table and column names as the server dialects.

-- ReasoningTokens: the model's thinking, billed at the output price; OutputTokens stays the visible reply.
-- PriceKnown: 0 when no ModelPrices row was in force for the call; its cost columns then hold '0',
-- which the app never shows as a cost ("price unknown").
--
-- SQLite cannot add a column only when it is missing, so the tables are rebuilt in their new shape,
-- in one transaction: a crash leaves the old shape whole. When the script runs again (a crash after
-- COMMIT, before its version was recorded) it rebuilds once more from the same columns; no question
-- was recorded in between, so no reasoning token is lost.
BEGIN;

DROP TABLE IF EXISTS ConversationStagesRebuilt;

CREATE TABLE ConversationStagesRebuilt
(
    ConversationId  TEXT    NOT NULL REFERENCES Conversations (ConversationId) ON DELETE CASCADE,
    Sequence        INTEGER NOT NULL,
    StageNumber     INTEGER NOT NULL CHECK (StageNumber BETWEEN 1 AND 3),
    StageName       TEXT    NOT NULL,
    Model           TEXT    NOT NULL,
    InputTokens     INTEGER NOT NULL DEFAULT 0,
    OutputTokens    INTEGER NOT NULL DEFAULT 0,
    InputCost       TEXT    NOT NULL DEFAULT '0',
    OutputCost      TEXT    NOT NULL DEFAULT '0',
    TotalCost       TEXT    NOT NULL DEFAULT '0',
    DurationMs      INTEGER NOT NULL DEFAULT 0,
    StartedAt       TEXT    NOT NULL,
    Succeeded       INTEGER NOT NULL CHECK (Succeeded IN (0, 1)),
    Error           TEXT    NULL,
    ReasoningTokens INTEGER NOT NULL DEFAULT 0,
    PriceKnown      INTEGER NOT NULL DEFAULT 1 CHECK (PriceKnown IN (0, 1)),
    PRIMARY KEY (ConversationId, Sequence)
);

-- Calls recorded before this script had no price when none was in force: say so now.
INSERT INTO ConversationStagesRebuilt (ConversationId, Sequence, StageNumber, StageName, Model, InputTokens, OutputTokens,
                                       InputCost, OutputCost, TotalCost, DurationMs, StartedAt, Succeeded, Error, PriceKnown)
SELECT s.ConversationId, s.Sequence, s.StageNumber, s.StageName, s.Model, s.InputTokens, s.OutputTokens,
       s.InputCost, s.OutputCost, s.TotalCost, s.DurationMs, s.StartedAt, s.Succeeded, s.Error,
       CASE WHEN EXISTS (SELECT 1 FROM ModelPrices p WHERE p.Model = s.Model AND p.EffectiveFrom <= s.StartedAt) THEN 1 ELSE 0 END
  FROM ConversationStages s;

DROP TABLE ConversationStages;
ALTER TABLE ConversationStagesRebuilt RENAME TO ConversationStages;

CREATE INDEX IF NOT EXISTS IX_ConversationStages_Model ON ConversationStages (Model);
CREATE INDEX IF NOT EXISTS IX_ConversationStages_StartedAt ON ConversationStages (StartedAt);

-- The daily totals are derived from the rows, so they are rebuilt from them (as 004 first filled them).
DROP TABLE IF EXISTS DailyModelCosts;

CREATE TABLE DailyModelCosts
(
    OrgId           TEXT    NOT NULL,
    Day             TEXT    NOT NULL,
    UserId          INTEGER NOT NULL,
    Model           TEXT    NOT NULL,
    StageNumber     INTEGER NOT NULL,
    StageName       TEXT    NOT NULL,
    Calls           INTEGER NOT NULL,
    InputTokens     INTEGER NOT NULL,
    OutputTokens    INTEGER NOT NULL,
    InputCost       INTEGER NOT NULL,
    OutputCost      INTEGER NOT NULL,
    ReasoningTokens INTEGER NOT NULL DEFAULT 0,
    UnpricedCalls   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (OrgId, Day, UserId, Model, StageNumber, StageName)
);

INSERT INTO DailyModelCosts (OrgId, Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens,
                             InputCost, OutputCost, ReasoningTokens, UnpricedCalls)
SELECT OrgId, Day, UserId, Model, StageNumber, StageName,
       COUNT(*), SUM(InputTokens), SUM(OutputTokens), SUM(InputUnits), SUM(OutputUnits), SUM(ReasoningTokens), SUM(1 - PriceKnown)
  FROM (SELECT c.OrgId, substr(c.StartedAt, 1, 10) || 'T00:00:00.000Z' AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, s.InputTokens, s.OutputTokens, s.ReasoningTokens, s.PriceKnown,
               CAST(s.InputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(s.InputCost, '.') = 0 THEN ''
                    ELSE substr(s.InputCost, instr(s.InputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS InputUnits,
               CAST(s.OutputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(s.OutputCost, '.') = 0 THEN ''
                    ELSE substr(s.OutputCost, instr(s.OutputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS OutputUnits
          FROM ConversationStages s
          JOIN Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL) AS calls
 GROUP BY OrgId, Day, UserId, Model, StageNumber, StageName;

COMMIT;
