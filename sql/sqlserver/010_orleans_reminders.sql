-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2), SQL Server.
-- Only OrleansQuery, its key names, the @parameters and the result column aliases are fixed by
-- the provider; table and column names are ours.

IF OBJECT_ID(N'dbo.OrleansQuery', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansQuery
    (
        QueryKey  varchar(64)   NOT NULL CONSTRAINT PK_OrleansQuery PRIMARY KEY,
        QueryText nvarchar(max) NOT NULL
    );
END;
GO

-- Every upsert takes a fresh version from this sequence, so an ETag read before a reminder was
-- removed and registered again can never remove the new one.
IF OBJECT_ID(N'dbo.OrleansReminderVersions', N'SO') IS NULL
BEGIN
    CREATE SEQUENCE dbo.OrleansReminderVersions AS int START WITH 1 MINVALUE 1 CYCLE;
END;
GO

-- One row per (service, grain, reminder name). GrainHash is the grain's uniform hash cast to a
-- signed int by the provider, which also turns the ring ranges into signed comparisons.
-- Period is in milliseconds and can exceed int. The grain id is varchar because the provider
-- binds it as ANSI; binary collation because Orleans ids and names are case-sensitive.
-- The key is 300 + 767 + 300 bytes, under the 1700-byte limit.
IF OBJECT_ID(N'dbo.OrleansReminders', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansReminders
    (
        ServiceId    nvarchar(150) COLLATE Latin1_General_100_BIN2 NOT NULL,
        GrainId      varchar(767)  COLLATE Latin1_General_100_BIN2 NOT NULL,
        ReminderName nvarchar(150) COLLATE Latin1_General_100_BIN2 NOT NULL,
        StartTime    datetime2(3)  NOT NULL,
        Period       bigint        NOT NULL,
        GrainHash    int           NOT NULL,
        Version      int           NOT NULL,
        CONSTRAINT PK_OrleansReminders PRIMARY KEY (ServiceId, GrainId, ReminderName)
    );
END;
GO

-- Each silo reads the reminders of its share of the hash ring.
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.OrleansReminders')
                  AND name = N'IX_OrleansReminders_GrainHash')
BEGIN
    CREATE INDEX IX_OrleansReminders_GrainHash ON dbo.OrleansReminders (ServiceId, GrainHash);
END;
GO

MERGE dbo.OrleansQuery WITH (HOLDLOCK) AS target
USING (VALUES
(
    'ReadReminderRowsKey',
    N'SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId;'
),
(
    'ReadReminderRowKey',
    N'SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName;'
),
(
    'ReadRangeRows1Key',
    -- The range (BeginHash, EndHash] when it does not wrap.
    N'SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainHash > @BeginHash
       AND GrainHash <= @EndHash;'
),
(
    'ReadRangeRows2Key',
    -- The range wraps past the largest hash; begin = end means the whole ring.
    N'SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId
       AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'
),
(
    'UpsertReminderRowKey',
    -- Insert or overwrite without a version check. The provider opens no transaction, so the
    -- text does: the key-range lock of the UPDATE is then held until the INSERT, and racing first
    -- registrations queue up instead of colliding. The new version is the ETag returned.
    N'SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @NewVersion int = NEXT VALUE FOR dbo.OrleansReminderVersions;
    BEGIN TRANSACTION;
    UPDATE dbo.OrleansReminders WITH (UPDLOCK, HOLDLOCK)
       SET StartTime = @StartTime,
           Period = @Period,
           GrainHash = @GrainHash,
           Version = @NewVersion
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName;
    IF @@ROWCOUNT = 0
    BEGIN
        INSERT INTO dbo.OrleansReminders (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
        VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, @NewVersion);
    END;
    COMMIT TRANSACTION;
    SELECT @NewVersion AS Version;'
),
(
    'DeleteReminderRowKey',
    -- 1 only if the row still had the version the caller read.
    N'SET NOCOUNT ON;
    DELETE FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName
       AND Version = @Version;
    SELECT CAST(@@ROWCOUNT AS int) AS Deleted;'
),
(
    'DeleteReminderRowsKey',
    N'DELETE FROM dbo.OrleansReminders
     WHERE ServiceId = @ServiceId;'
)
) AS source (QueryKey, QueryText)
ON target.QueryKey = source.QueryKey
WHEN MATCHED THEN
    UPDATE SET QueryText = source.QueryText
WHEN NOT MATCHED THEN
    INSERT (QueryKey, QueryText) VALUES (source.QueryKey, source.QueryText);
GO
