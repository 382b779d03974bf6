-- Schema v2 of the application tables, SQL Server: dated model prices and conversation turns.
-- Same table and column names in the PostgreSQL and SQLite scripts.

-- USD per one million tokens, one row per price change: a conversation is priced with the row in
-- force when it started, so a new price never rewrites past costs. ModelPricing stays as it was.
IF OBJECT_ID(N'dbo.ModelPrices', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ModelPrices
    (
        Model                 nvarchar(100)  NOT NULL,
        EffectiveFrom         datetime2(3)   NOT NULL,
        InputPricePerMillion  decimal(20,10) NOT NULL,
        OutputPricePerMillion decimal(20,10) NOT NULL,
        Currency              nvarchar(3)    NOT NULL CONSTRAINT DF_ModelPrices_Currency DEFAULT N'USD',
        CONSTRAINT PK_ModelPrices PRIMARY KEY (Model, EffectiveFrom)
    );
END;
GO

-- Today's prices have applied "since forever" until a dated change says otherwise.
INSERT INTO dbo.ModelPrices (Model, EffectiveFrom, InputPricePerMillion, OutputPricePerMillion, Currency)
SELECT p.Model, CAST('2000-01-01T00:00:00' AS datetime2(3)), p.InputPricePerMillion, p.OutputPricePerMillion, p.Currency
  FROM dbo.ModelPricing p
 WHERE NOT EXISTS (SELECT 1 FROM dbo.ModelPrices m
                    WHERE m.Model = p.Model AND m.EffectiveFrom = CAST('2000-01-01T00:00:00' AS datetime2(3)));
GO

-- The per-chat memory, superseding ConversationHistory: it adds the rows a query returned, how the
-- question was answered and when /clear hid the turn from the model. A new table rather than new
-- columns because SQLite cannot add a column only when it is missing, and every script must be
-- harmless when run again; the dialects keep one shape. ConversationHistory is no longer written.
IF OBJECT_ID(N'dbo.ConversationTurns', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.ConversationTurns
    (
        Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ConversationTurns PRIMARY KEY,
        ChatId         bigint        NOT NULL,
        UserId         bigint        NOT NULL,
        ConversationId nvarchar(64)  NULL,
        Question       nvarchar(max) NOT NULL,
        Answer         nvarchar(max) NOT NULL,
        Sql            nvarchar(max) NULL,
        ResultRows     int           NULL,
        Way            nvarchar(20)  NULL,
        CreatedAt      datetime2(3)  NOT NULL,
        ClearedAt      datetime2(3)  NULL
    );
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ConversationTurns') AND name = N'IX_ConversationTurns_ChatId_Id')
    CREATE INDEX IX_ConversationTurns_ChatId_Id ON dbo.ConversationTurns (ChatId, Id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.ConversationTurns') AND name = N'IX_ConversationTurns_UserId_Id')
    CREATE INDEX IX_ConversationTurns_UserId_Id ON dbo.ConversationTurns (UserId, Id);
GO

-- Carry v1 history over once, in turn order; after that the table is never empty again.
INSERT INTO dbo.ConversationTurns (ChatId, UserId, ConversationId, Question, Answer, Sql, CreatedAt)
SELECT h.ChatId, h.UserId, h.ConversationId, h.Question, h.Answer, h.Sql, h.CreatedAt
  FROM dbo.ConversationHistory h
 WHERE NOT EXISTS (SELECT 1 FROM dbo.ConversationTurns)
 ORDER BY h.Id;
GO
