-- Schema v6 of the application tables, SQL Server: an answer's turn found by its conversation id,
-- which exports of an answer (and the dashboard's download link) look up.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_ConversationTurns_ConversationId' AND object_id = OBJECT_ID(N'dbo.ConversationTurns'))
    CREATE INDEX IX_ConversationTurns_ConversationId ON dbo.ConversationTurns (ConversationId);
GO
