-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2), SQL Server.
-- Only OrleansQuery, its key names, the @parameters and the result column aliases are fixed by
-- the provider; table and column names are ours.
-- The provider runs each text as a parameterised batch with no transaction around it, so any
-- text that changes more than one row takes care of its own atomicity.
-- Column types follow the parameter types SqlClient sends (nvarchar for strings, varchar for
-- the ANSI-bound address) so comparisons never convert the column side.

IF OBJECT_ID(N'dbo.OrleansQuery', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansQuery
    (
        QueryKey  varchar(64)   NOT NULL CONSTRAINT PK_OrleansQuery PRIMARY KEY,
        QueryText nvarchar(max) NOT NULL
    );
END;
GO

-- One row per cluster (the provider's DeploymentId). TableVersion is the membership table's
-- ETag: every successful member insert/update moves it to exactly read version + 1.
IF OBJECT_ID(N'dbo.OrleansClusterVersion', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansClusterVersion
    (
        ClusterId    nvarchar(150) NOT NULL CONSTRAINT PK_OrleansClusterVersion PRIMARY KEY,
        TableVersion int           NOT NULL CONSTRAINT DF_OrleansClusterVersion_TableVersion DEFAULT 0,
        ChangedAt    datetime2(3)  NOT NULL CONSTRAINT DF_OrleansClusterVersion_ChangedAt DEFAULT SYSUTCDATETIME()
    );
END;
GO

-- datetime2(3): the writes arrive as datetime (1/300 s) and are stored to the millisecond; the
-- single-row cleanup compares the captured values back for equality as datetime2.
-- Cascade lets DeleteMembershipTableEntriesKey remove a cluster with one statement.
IF OBJECT_ID(N'dbo.OrleansClusterMember', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.OrleansClusterMember
    (
        ClusterId       nvarchar(150) NOT NULL,
        SiloAddress     varchar(45)   NOT NULL,
        SiloPort        int           NOT NULL,
        SiloGeneration  int           NOT NULL,
        SiloName        nvarchar(150) NOT NULL,
        HostName        nvarchar(150) NOT NULL,
        SiloStatus      int           NOT NULL,
        GatewayPort     int           NOT NULL,
        SuspectVotes    varchar(8000) NULL,
        StartedAt       datetime2(3)  NOT NULL,
        LastHeartbeatAt datetime2(3)  NOT NULL,
        CONSTRAINT PK_OrleansClusterMember PRIMARY KEY (ClusterId, SiloAddress, SiloPort, SiloGeneration),
        CONSTRAINT FK_OrleansClusterMember_Version FOREIGN KEY (ClusterId)
            REFERENCES dbo.OrleansClusterVersion (ClusterId) ON DELETE CASCADE
    );
END;
GO

-- Membership writes must be all-or-nothing. The version compare-and-bump comes first and
-- holds the version row's exclusive lock, which serialises every writer of the cluster; any
-- later "no" rolls the bump back, so a failed call changes neither the version nor the rows.
CREATE OR ALTER PROCEDURE dbo.OrleansClusterInsertMember
    @DeploymentId nvarchar(150),
    @Address      varchar(45),
    @Port         int,
    @Generation   int,
    @SiloName     nvarchar(150),
    @HostName     nvarchar(150),
    @Status       int,
    @ProxyPort    int,
    @StartTime    datetime2(3),
    @IAmAliveTime datetime2(3),
    @Version      int
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    BEGIN TRANSACTION;

    UPDATE dbo.OrleansClusterVersion
       SET TableVersion = @Version + 1,
           ChangedAt = SYSUTCDATETIME()
     WHERE ClusterId = @DeploymentId
       AND TableVersion = @Version;
    IF @@ROWCOUNT = 0
    BEGIN
        ROLLBACK TRANSACTION;
        SELECT CAST(0 AS int) AS Succeeded;
        RETURN;
    END;

    INSERT INTO dbo.OrleansClusterMember
        (ClusterId, SiloAddress, SiloPort, SiloGeneration, SiloName, HostName,
         SiloStatus, GatewayPort, SuspectVotes, StartedAt, LastHeartbeatAt)
    SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
     WHERE NOT EXISTS
           (SELECT 1
              FROM dbo.OrleansClusterMember WITH (UPDLOCK, HOLDLOCK)
             WHERE ClusterId = @DeploymentId
               AND SiloAddress = @Address
               AND SiloPort = @Port
               AND SiloGeneration = @Generation);
    IF @@ROWCOUNT = 0
    BEGIN
        ROLLBACK TRANSACTION;
        SELECT CAST(0 AS int) AS Succeeded;
        RETURN;
    END;

    COMMIT TRANSACTION;
    SELECT CAST(1 AS int) AS Succeeded;
END;
GO

CREATE OR ALTER PROCEDURE dbo.OrleansClusterUpdateMember
    @DeploymentId nvarchar(150),
    @Address      varchar(45),
    @Port         int,
    @Generation   int,
    @Status       int,
    @SuspectTimes varchar(8000),
    @IAmAliveTime datetime2(3),
    @Version      int
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    BEGIN TRANSACTION;

    UPDATE dbo.OrleansClusterVersion
       SET TableVersion = @Version + 1,
           ChangedAt = SYSUTCDATETIME()
     WHERE ClusterId = @DeploymentId
       AND TableVersion = @Version;
    IF @@ROWCOUNT = 0
    BEGIN
        ROLLBACK TRANSACTION;
        SELECT CAST(0 AS int) AS Succeeded;
        RETURN;
    END;

    -- Name, host, ports and start time are fixed at insert; SuspectVotes is replaced as a whole.
    UPDATE dbo.OrleansClusterMember
       SET SiloStatus = @Status,
           SuspectVotes = @SuspectTimes,
           LastHeartbeatAt = @IAmAliveTime
     WHERE ClusterId = @DeploymentId
       AND SiloAddress = @Address
       AND SiloPort = @Port
       AND SiloGeneration = @Generation;
    IF @@ROWCOUNT = 0
    BEGIN
        ROLLBACK TRANSACTION;
        SELECT CAST(0 AS int) AS Succeeded;
        RETURN;
    END;

    COMMIT TRANSACTION;
    SELECT CAST(1 AS int) AS Succeeded;
END;
GO

-- A MERGE over all keys keeps re-runs idempotent and replaces texts that changed.
MERGE dbo.OrleansQuery WITH (HOLDLOCK) AS target
USING (VALUES
(
    'InsertMembershipVersionKey',
    -- Always one row: 1 when the version row was created now, 0 when it already existed.
    N'SET NOCOUNT ON;
    INSERT INTO dbo.OrleansClusterVersion (ClusterId, TableVersion, ChangedAt)
    SELECT @DeploymentId, 0, SYSUTCDATETIME()
     WHERE NOT EXISTS
           (SELECT 1
              FROM dbo.OrleansClusterVersion WITH (UPDLOCK, HOLDLOCK)
             WHERE ClusterId = @DeploymentId);
    SELECT @@ROWCOUNT AS Created;'
),
(
    'MembershipReadAllKey',
    -- Left join: with no members the single row carries the version and a NULL StartTime.
    N'SELECT v.TableVersion      AS Version,
           v.ClusterId         AS DeploymentId,
           m.SiloAddress       AS Address,
           m.SiloPort          AS Port,
           m.SiloGeneration    AS Generation,
           m.SiloName          AS SiloName,
           m.HostName          AS HostName,
           m.SiloStatus        AS Status,
           m.GatewayPort       AS ProxyPort,
           m.SuspectVotes      AS SuspectTimes,
           m.StartedAt         AS StartTime,
           m.LastHeartbeatAt   AS IAmAliveTime
      FROM dbo.OrleansClusterVersion v
      LEFT JOIN dbo.OrleansClusterMember m
             ON m.ClusterId = v.ClusterId
     WHERE v.ClusterId = @DeploymentId;'
),
(
    'MembershipReadRowKey',
    N'SELECT v.TableVersion      AS Version,
           v.ClusterId         AS DeploymentId,
           m.SiloAddress       AS Address,
           m.SiloPort          AS Port,
           m.SiloGeneration    AS Generation,
           m.SiloName          AS SiloName,
           m.HostName          AS HostName,
           m.SiloStatus        AS Status,
           m.GatewayPort       AS ProxyPort,
           m.SuspectVotes      AS SuspectTimes,
           m.StartedAt         AS StartTime,
           m.LastHeartbeatAt   AS IAmAliveTime
      FROM dbo.OrleansClusterVersion v
      LEFT JOIN dbo.OrleansClusterMember m
             ON m.ClusterId = v.ClusterId
            AND m.SiloAddress = @Address
            AND m.SiloPort = @Port
            AND m.SiloGeneration = @Generation
     WHERE v.ClusterId = @DeploymentId;'
),
(
    'InsertMembershipKey',
    N'EXEC dbo.OrleansClusterInsertMember
        @DeploymentId = @DeploymentId, @Address = @Address, @Port = @Port,
        @Generation = @Generation, @SiloName = @SiloName, @HostName = @HostName,
        @Status = @Status, @ProxyPort = @ProxyPort, @StartTime = @StartTime,
        @IAmAliveTime = @IAmAliveTime, @Version = @Version;'
),
(
    'UpdateMembershipKey',
    N'EXEC dbo.OrleansClusterUpdateMember
        @DeploymentId = @DeploymentId, @Address = @Address, @Port = @Port,
        @Generation = @Generation, @Status = @Status, @SuspectTimes = @SuspectTimes,
        @IAmAliveTime = @IAmAliveTime, @Version = @Version;'
),
(
    'UpdateIAmAlivetimeKey',
    -- Heartbeats carry no version; never let a late one move the time backwards.
    N'SET NOCOUNT ON;
    UPDATE dbo.OrleansClusterMember
       SET LastHeartbeatAt = CASE WHEN LastHeartbeatAt > @IAmAliveTime
                                  THEN LastHeartbeatAt ELSE @IAmAliveTime END
     WHERE ClusterId = @DeploymentId
       AND SiloAddress = @Address
       AND SiloPort = @Port
       AND SiloGeneration = @Generation;'
),
(
    'GatewaysQueryKey',
    -- Silos without a gateway store port 0; the client does not filter them itself.
    N'SELECT SiloAddress    AS Address,
           GatewayPort    AS ProxyPort,
           SiloGeneration AS Generation
      FROM dbo.OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloStatus = @Status
       AND GatewayPort > 0;'
),
(
    'CleanupDefunctSiloEntriesKey',
    -- Fallback only (the single-row key below takes over when present): dead, old and unvoted.
    -- In T-SQL, = ignores trailing blanks, so a blank list also matches the empty string.
    N'SET NOCOUNT ON;
    DELETE FROM dbo.OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloStatus = 6
       AND LastHeartbeatAt < @IAmAliveTime
       AND StartedAt < @IAmAliveTime
       AND (SuspectVotes IS NULL OR SuspectVotes = '''');'
),
(
    'CleanupDefunctSiloEntryKey',
    -- Delete only if nothing changed since the provider picked the row, so a concurrent update
    -- is never lost. The times arrive as datetime2 here, so equality with the stored values
    -- holds. The provider reads empty SuspectTimes back as NULL: treat them as equal.
    N'SET NOCOUNT ON;
    DELETE FROM dbo.OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloAddress = @Address
       AND SiloPort = @Port
       AND SiloGeneration = @Generation
       AND SiloStatus = 6
       AND StartedAt = @StartTime
       AND LastHeartbeatAt = @IAmAliveTime
       AND ISNULL(SuspectVotes, '''') = ISNULL(@SuspectTimes, N'''');'
),
(
    'DeleteMembershipTableEntriesKey',
    -- Member rows go with the version row (ON DELETE CASCADE).
    N'SET NOCOUNT ON;
    DELETE FROM dbo.OrleansClusterVersion
     WHERE ClusterId = @DeploymentId;'
)
) AS source (QueryKey, QueryText)
ON target.QueryKey = source.QueryKey
WHEN MATCHED THEN
    UPDATE SET QueryText = source.QueryText
WHEN NOT MATCHED THEN
    INSERT (QueryKey, QueryText) VALUES (source.QueryKey, source.QueryText);
GO
