-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2), PostgreSQL 15+.
-- Only OrleansQuery, its key names, the @parameters and the result column aliases are fixed by
-- the provider; table and column names are ours. Everything is unqualified and unquoted so it
-- lands on the connection's search_path, where the provider looks up OrleansQuery.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster (the provider's DeploymentId). TableVersion is the membership table's
-- ETag: every successful member insert/update moves it to exactly read version + 1.
CREATE TABLE IF NOT EXISTS OrleansClusterVersion
(
    ClusterId    varchar(150) NOT NULL PRIMARY KEY,
    TableVersion integer      NOT NULL DEFAULT 0,
    ChangedAt    timestamptz  NOT NULL DEFAULT now()
);

-- One row per silo incarnation. timestamptz, not timestamp: the provider labels whatever comes
-- back as UTC, so values must not shift with the server's time zone.
-- Cascade lets DeleteMembershipTableEntriesKey remove a cluster with one statement that locks
-- the version row before the member rows, the same order the write functions use.
CREATE TABLE IF NOT EXISTS OrleansClusterMember
(
    ClusterId       varchar(150)  NOT NULL REFERENCES OrleansClusterVersion (ClusterId) ON DELETE CASCADE,
    SiloAddress     varchar(45)   NOT NULL,
    SiloPort        integer       NOT NULL,
    SiloGeneration  integer       NOT NULL,
    SiloName        varchar(150)  NOT NULL,
    HostName        varchar(150)  NOT NULL,
    SiloStatus      integer       NOT NULL,
    GatewayPort     integer       NOT NULL,
    SuspectVotes    varchar(8000) NULL,
    StartedAt       timestamptz   NOT NULL,
    LastHeartbeatAt timestamptz   NOT NULL,
    PRIMARY KEY (ClusterId, SiloAddress, SiloPort, SiloGeneration)
);

-- Membership writes must be all-or-nothing (the provider never opens a transaction).
-- Locking the version row first, and only when it still holds the version the silo read,
-- serialises all writers of a cluster; every later step can then bail out before anything
-- has changed, so a failed call leaves the version and the rows untouched.
CREATE OR REPLACE FUNCTION OrleansClusterInsertMember
(
    p_cluster_id     text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_gateway_port   integer,
    p_started_at     timestamptz,
    p_heartbeat_at   timestamptz,
    p_read_version   integer
)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
       FROM OrleansClusterVersion
      WHERE ClusterId = p_cluster_id
        AND TableVersion = p_read_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansClusterMember
        (ClusterId, SiloAddress, SiloPort, SiloGeneration, SiloName, HostName,
         SiloStatus, GatewayPort, SuspectVotes, StartedAt, LastHeartbeatAt)
    VALUES
        (p_cluster_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_gateway_port, NULL, p_started_at, p_heartbeat_at)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansClusterVersion
       SET TableVersion = p_read_version + 1,
           ChangedAt = now()
     WHERE ClusterId = p_cluster_id;
    RETURN 1;
END;
$fn$;

CREATE OR REPLACE FUNCTION OrleansClusterUpdateMember
(
    p_cluster_id    text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_status        integer,
    p_suspect_votes text,
    p_heartbeat_at  timestamptz,
    p_read_version  integer
)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
       FROM OrleansClusterVersion
      WHERE ClusterId = p_cluster_id
        AND TableVersion = p_read_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    -- Name, host, ports and start time are fixed at insert; SuspectVotes is replaced as a whole.
    UPDATE OrleansClusterMember
       SET SiloStatus = p_status,
           SuspectVotes = p_suspect_votes,
           LastHeartbeatAt = p_heartbeat_at
     WHERE ClusterId = p_cluster_id
       AND SiloAddress = p_address
       AND SiloPort = p_port
       AND SiloGeneration = p_generation;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansClusterVersion
       SET TableVersion = p_read_version + 1,
           ChangedAt = now()
     WHERE ClusterId = p_cluster_id;
    RETURN 1;
END;
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    -- Always one row: 1 when the version row was created now, 0 when it already existed.
    $q$
    WITH created AS
    (
        INSERT INTO OrleansClusterVersion (ClusterId, TableVersion)
        VALUES (@DeploymentId, 0)
        ON CONFLICT (ClusterId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS Created FROM created;
    $q$
),
(
    'MembershipReadAllKey',
    -- Left join: with no members the single row carries the version and a NULL StartTime.
    $q$
    SELECT v.TableVersion      AS Version,
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
      FROM OrleansClusterVersion v
      LEFT JOIN OrleansClusterMember m
             ON m.ClusterId = v.ClusterId
     WHERE v.ClusterId = @DeploymentId;
    $q$
),
(
    'MembershipReadRowKey',
    $q$
    SELECT v.TableVersion      AS Version,
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
      FROM OrleansClusterVersion v
      LEFT JOIN OrleansClusterMember m
             ON m.ClusterId = v.ClusterId
            AND m.SiloAddress = @Address
            AND m.SiloPort = @Port
            AND m.SiloGeneration = @Generation
     WHERE v.ClusterId = @DeploymentId;
    $q$
),
(
    'InsertMembershipKey',
    $q$
    SELECT OrleansClusterInsertMember(@DeploymentId, @Address, @Port, @Generation, @SiloName,
                                      @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime,
                                      @Version) AS Succeeded;
    $q$
),
(
    'UpdateMembershipKey',
    $q$
    SELECT OrleansClusterUpdateMember(@DeploymentId, @Address, @Port, @Generation, @Status,
                                      @SuspectTimes, @IAmAliveTime, @Version) AS Succeeded;
    $q$
),
(
    'UpdateIAmAlivetimeKey',
    -- Heartbeats carry no version; never let a late one move the time backwards.
    $q$
    UPDATE OrleansClusterMember
       SET LastHeartbeatAt = GREATEST(LastHeartbeatAt, @IAmAliveTime)
     WHERE ClusterId = @DeploymentId
       AND SiloAddress = @Address
       AND SiloPort = @Port
       AND SiloGeneration = @Generation;
    $q$
),
(
    'GatewaysQueryKey',
    -- Silos without a gateway store port 0; the client does not filter them itself.
    $q$
    SELECT SiloAddress    AS Address,
           GatewayPort    AS ProxyPort,
           SiloGeneration AS Generation
      FROM OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloStatus = @Status
       AND GatewayPort > 0;
    $q$
),
(
    'CleanupDefunctSiloEntriesKey',
    -- Fallback only (the single-row key below takes over when present): dead, old and unvoted.
    $q$
    DELETE FROM OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloStatus = 6
       AND LastHeartbeatAt < @IAmAliveTime
       AND StartedAt < @IAmAliveTime
       AND coalesce(btrim(SuspectVotes), '') = '';
    $q$
),
(
    'CleanupDefunctSiloEntryKey',
    -- Delete only if nothing changed since the provider picked the row, so a concurrent update
    -- is never lost. The provider reads empty SuspectTimes back as NULL: treat them as equal.
    $q$
    DELETE FROM OrleansClusterMember
     WHERE ClusterId = @DeploymentId
       AND SiloAddress = @Address
       AND SiloPort = @Port
       AND SiloGeneration = @Generation
       AND SiloStatus = 6
       AND StartedAt = @StartTime
       AND LastHeartbeatAt = @IAmAliveTime
       AND coalesce(SuspectVotes, '') = coalesce(@SuspectTimes, '');
    $q$
),
(
    'DeleteMembershipTableEntriesKey',
    -- Member rows go with the version row (ON DELETE CASCADE).
    $q$
    DELETE FROM OrleansClusterVersion
     WHERE ClusterId = @DeploymentId;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
