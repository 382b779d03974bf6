-- Schema v6 of the application tables, PostgreSQL: an answer's turn found by its conversation id,
-- which exports of an answer (and the dashboard's download link) look up.
CREATE INDEX IF NOT EXISTS IX_ConversationTurns_ConversationId ON ConversationTurns (ConversationId);
