-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2), PostgreSQL 15+.
-- Only OrleansQuery, its key names, the @parameters and the result column aliases are fixed by
-- the provider; table and column names are ours.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Every upsert takes a fresh version from this sequence, so an ETag read before a reminder was
-- removed and registered again can never remove the new one.
CREATE SEQUENCE IF NOT EXISTS OrleansReminderVersions AS integer MINVALUE 1 CYCLE;

-- One row per (service, grain, reminder name). GrainHash is the grain's uniform hash cast to a
-- signed int by the provider, which also turns the ring ranges into signed comparisons.
-- Period is in milliseconds and can exceed int.
CREATE TABLE IF NOT EXISTS OrleansReminders
(
    ServiceId    varchar(150) NOT NULL,
    GrainId      varchar(767) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,
    CONSTRAINT PK_OrleansReminders PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo reads the reminders of its share of the hash ring.
CREATE INDEX IF NOT EXISTS IX_OrleansReminders_GrainHash ON OrleansReminders (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId;
    $q$
),
(
    'ReadReminderRowKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName;
    $q$
),
(
    'ReadRangeRows1Key',
    -- The range (BeginHash, EndHash] when it does not wrap.
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansReminders
     WHERE ServiceId = @ServiceId
       AND GrainHash > @BeginHash
       AND GrainHash <= @EndHash;
    $q$
),
(
    'ReadRangeRows2Key',
    -- The range wraps past the largest hash; begin = end means the whole ring.
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansReminders
     WHERE ServiceId = @ServiceId
       AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $q$
),
(
    'UpsertReminderRowKey',
    -- Insert or overwrite without a version check; the new version is the ETag returned.
    $q$
    INSERT INTO OrleansReminders (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, nextval('orleansreminderversions')::integer)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
       SET StartTime = EXCLUDED.StartTime,
           Period = EXCLUDED.Period,
           GrainHash = EXCLUDED.GrainHash,
           Version = EXCLUDED.Version
    RETURNING Version;
    $q$
),
(
    'DeleteReminderRowKey',
    -- 1 only if the row still had the version the caller read.
    $q$
    WITH deleted AS
    (
        DELETE FROM OrleansReminders
         WHERE ServiceId = @ServiceId
           AND GrainId = @GrainId
           AND ReminderName = @ReminderName
           AND Version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer AS Deleted FROM deleted;
    $q$
),
(
    'DeleteReminderRowsKey',
    $q$
    DELETE FROM OrleansReminders
     WHERE ServiceId = @ServiceId;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
