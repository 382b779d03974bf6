-- Schema v4 of the application tables, SQLite: daily cost totals of organizations.
-- Same table and column names as the server dialects; Day is TEXT as every time in 001.

-- The organization reports read these instead of every model call of the range. Day is 00:00 UTC of
-- the day the question STARTED: a question belongs to the range it started in, with all its calls.
-- Written in the ledger's transaction (DailyCostAggregates); questions outside any organization are
-- only ever reported per user, from the ledger rows, so they have no totals here.
-- Money is an INTEGER count of 10^-10 here, not TEXT as in the ledger: the totals are added to in
-- place, and SQLite adds text as floating point but integers exactly (see MoneySql).
CREATE TABLE IF NOT EXISTS DailyModelCosts
(
    OrgId        TEXT    NOT NULL,
    Day          TEXT    NOT NULL,
    UserId       INTEGER NOT NULL,
    Model        TEXT    NOT NULL,
    StageNumber  INTEGER NOT NULL,
    StageName    TEXT    NOT NULL,
    Calls        INTEGER NOT NULL,
    InputTokens  INTEGER NOT NULL,
    OutputTokens INTEGER NOT NULL,
    InputCost    INTEGER NOT NULL,
    OutputCost   INTEGER NOT NULL,
    PRIMARY KEY (OrgId, Day, UserId, Model, StageNumber, StageName)
);

CREATE TABLE IF NOT EXISTS DailyQuestionCosts
(
    OrgId        TEXT    NOT NULL,
    Day          TEXT    NOT NULL,
    UserId       INTEGER NOT NULL,
    Questions    INTEGER NOT NULL,
    InputTokens  INTEGER NOT NULL,
    OutputTokens INTEGER NOT NULL,
    InputCost    INTEGER NOT NULL,
    OutputCost   INTEGER NOT NULL,
    PRIMARY KEY (OrgId, Day, UserId)
);

-- Totals of the questions recorded before this script; when run again the tables are no longer empty.
-- Each text amount becomes its count of 10^-10 by string functions, never through a float: the whole
-- part times 10^10 plus the fraction padded to 10 digits.
INSERT INTO DailyModelCosts (OrgId, Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, Model, StageNumber, StageName,
       COUNT(*), SUM(InputTokens), SUM(OutputTokens), SUM(InputUnits), SUM(OutputUnits)
  FROM (SELECT c.OrgId, substr(c.StartedAt, 1, 10) || 'T00:00:00.000Z' AS Day, c.UserId,
               s.Model, s.StageNumber, s.StageName, s.InputTokens, s.OutputTokens,
               CAST(s.InputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(s.InputCost, '.') = 0 THEN ''
                    ELSE substr(s.InputCost, instr(s.InputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS InputUnits,
               CAST(s.OutputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(s.OutputCost, '.') = 0 THEN ''
                    ELSE substr(s.OutputCost, instr(s.OutputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS OutputUnits
          FROM ConversationStages s
          JOIN Conversations c ON c.ConversationId = s.ConversationId
         WHERE c.OrgId IS NOT NULL) AS calls
 WHERE NOT EXISTS (SELECT 1 FROM DailyModelCosts)
 GROUP BY OrgId, Day, UserId, Model, StageNumber, StageName;

INSERT INTO DailyQuestionCosts (OrgId, Day, UserId, Questions, InputTokens, OutputTokens, InputCost, OutputCost)
SELECT OrgId, Day, UserId, COUNT(*), SUM(InputTokens), SUM(OutputTokens), SUM(InputUnits), SUM(OutputUnits)
  FROM (SELECT c.OrgId, substr(c.StartedAt, 1, 10) || 'T00:00:00.000Z' AS Day, c.UserId, c.InputTokens, c.OutputTokens,
               CAST(c.InputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(c.InputCost, '.') = 0 THEN ''
                    ELSE substr(c.InputCost, instr(c.InputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS InputUnits,
               CAST(c.OutputCost AS INTEGER) * 10000000000 + CAST(substr(CASE WHEN instr(c.OutputCost, '.') = 0 THEN ''
                    ELSE substr(c.OutputCost, instr(c.OutputCost, '.') + 1) END || '0000000000', 1, 10) AS INTEGER) AS OutputUnits
          FROM Conversations c
         WHERE c.OrgId IS NOT NULL) AS questions
 WHERE NOT EXISTS (SELECT 1 FROM DailyQuestionCosts)
 GROUP BY OrgId, Day, UserId;
