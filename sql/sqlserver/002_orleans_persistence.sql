-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2), SQL Server.
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

-- One row per (service, state name, grain key). StateName is the [PersistentState] name, not
-- the grain class, so state names must be unique across grain classes. String keys live in
-- KeyExtension; GUID and integer keys in KeyN0/KeyN1 (plus an optional extension).
-- Binary collation: grain keys and state names are case-sensitive identities in Orleans.
-- The identity is too wide for the 1700-byte index key limit, so uniqueness is enforced on a
-- persisted SHA-256 of it; length prefixes keep the concatenation unambiguous and tell a NULL
-- extension from an empty one.
IF OBJECT_ID(N'dbo.OrleansGrainState', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansGrainState
    (
        ServiceId     nvarchar(150)  COLLATE Latin1_General_100_BIN2 NOT NULL,
        StateName     nvarchar(512)  COLLATE Latin1_General_100_BIN2 NOT NULL,
        StateNameHash int            NOT NULL,
        KeyHash       int            NOT NULL,
        KeyN0         bigint         NOT NULL,
        KeyN1         bigint         NOT NULL,
        KeyExtension  nvarchar(512)  COLLATE Latin1_General_100_BIN2 NULL,
        Payload       varbinary(max) NULL,
        StateVersion  int            NOT NULL,
        ModifiedAt    datetime2(3)   NOT NULL CONSTRAINT DF_OrleansGrainState_ModifiedAt DEFAULT SYSUTCDATETIME(),
        IdentityHash  AS CAST(HASHBYTES('SHA2_256',
                            CAST(DATALENGTH(ServiceId) AS nvarchar(11)) + N':' + ServiceId
                          + CAST(DATALENGTH(StateName) AS nvarchar(11)) + N':' + StateName
                          + CAST(StateNameHash AS nvarchar(11)) + N':'
                          + CAST(KeyHash AS nvarchar(11)) + N':'
                          + CAST(KeyN0 AS nvarchar(20)) + N':'
                          + CAST(KeyN1 AS nvarchar(20)) + N':'
                          + ISNULL(CAST(DATALENGTH(KeyExtension) AS nvarchar(11)) + N':' + KeyExtension, N'-')
                         ) AS binary(32)) PERSISTED NOT NULL,
        CONSTRAINT UQ_OrleansGrainState_Identity UNIQUE (IdentityHash)
    );
END;
GO

-- Every lookup seeks on the two hashes first, then checks the rest of the identity.
IF NOT EXISTS (SELECT 1 FROM sys.indexes
                WHERE object_id = OBJECT_ID(N'dbo.OrleansGrainState')
                  AND name = N'IX_OrleansGrainState_Hashes')
BEGIN
    CREATE INDEX IX_OrleansGrainState_Hashes ON dbo.OrleansGrainState (KeyHash, StateNameHash);
END;
GO

MERGE dbo.OrleansQuery WITH (HOLDLOCK) AS target
USING (VALUES
(
    'ReadFromStorageKey',
    -- After a clear the row stays with a NULL payload: the provider reads that as "no record"
    -- but keeps the version as the ETag.
    N'SELECT Payload      AS PayloadBinary,
           StateVersion AS Version
      FROM dbo.OrleansGrainState
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND (KeyExtension = @GrainIdExtensionString
            OR (KeyExtension IS NULL AND @GrainIdExtensionString IS NULL));'
),
(
    'WriteToStorageKey',
    -- No ETag: create the row at version 1 unless it exists; the range lock on the existence
    -- check makes racing first writes queue up, and only one of them inserts.
    -- With an ETag: compare-and-bump in one UPDATE. Either way a single statement, 0 or 1 row.
    N'SET NOCOUNT ON;
    IF @GrainStateVersion IS NULL
    BEGIN
        INSERT INTO dbo.OrleansGrainState
            (ServiceId, StateName, StateNameHash, KeyHash, KeyN0, KeyN1, KeyExtension, Payload, StateVersion)
        OUTPUT inserted.StateVersion AS NewGrainStateVersion
        SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
               @GrainIdExtensionString, @PayloadBinary, 1
         WHERE NOT EXISTS
               (SELECT 1
                  FROM dbo.OrleansGrainState WITH (UPDLOCK, HOLDLOCK)
                 WHERE KeyHash = @GrainIdHash
                   AND StateNameHash = @GrainTypeHash
                   AND ServiceId = @ServiceId
                   AND KeyN0 = @GrainIdN0
                   AND KeyN1 = @GrainIdN1
                   AND StateName = @GrainTypeString
                   AND (KeyExtension = @GrainIdExtensionString
                        OR (KeyExtension IS NULL AND @GrainIdExtensionString IS NULL)));
    END
    ELSE
    BEGIN
        UPDATE dbo.OrleansGrainState
           SET Payload = @PayloadBinary,
               StateVersion = StateVersion + 1,
               ModifiedAt = SYSUTCDATETIME()
        OUTPUT inserted.StateVersion AS NewGrainStateVersion
         WHERE KeyHash = @GrainIdHash
           AND StateNameHash = @GrainTypeHash
           AND ServiceId = @ServiceId
           AND KeyN0 = @GrainIdN0
           AND KeyN1 = @GrainIdN1
           AND StateName = @GrainTypeString
           AND (KeyExtension = @GrainIdExtensionString
                OR (KeyExtension IS NULL AND @GrainIdExtensionString IS NULL))
           AND StateVersion = @GrainStateVersion;
    END;'
),
(
    'ClearStorageKey',
    -- The row is kept (NULL payload) so the version keeps counting and stale writers still fail.
    N'SET NOCOUNT ON;
    UPDATE dbo.OrleansGrainState
       SET Payload = NULL,
           StateVersion = StateVersion + 1,
           ModifiedAt = SYSUTCDATETIME()
    OUTPUT inserted.StateVersion AS NewGrainStateVersion
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND (KeyExtension = @GrainIdExtensionString
            OR (KeyExtension IS NULL AND @GrainIdExtensionString IS NULL))
       AND StateVersion = @GrainStateVersion;'
),
(
    'DeleteStorageKey',
    -- Used only with DeleteStateOnClear = true; the provider wants a value unlike the one sent.
    N'SET NOCOUNT ON;
    DELETE FROM dbo.OrleansGrainState
    OUTPUT deleted.StateVersion + 1 AS NewGrainStateVersion
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND (KeyExtension = @GrainIdExtensionString
            OR (KeyExtension IS NULL AND @GrainIdExtensionString IS NULL))
       AND StateVersion = @GrainStateVersion;'
)
) AS source (QueryKey, QueryText)
ON target.QueryKey = source.QueryKey
WHEN MATCHED THEN
    UPDATE SET QueryText = source.QueryText
WHEN NOT MATCHED THEN
    INSERT (QueryKey, QueryText) VALUES (source.QueryKey, source.QueryText);
GO
