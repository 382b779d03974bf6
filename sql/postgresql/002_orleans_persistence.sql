-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2), PostgreSQL 15+.
-- Only OrleansQuery, its key names, the @parameters and the result column aliases are fixed by
-- the provider; table and column names are ours.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per (service, state name, grain key). StateName is the [PersistentState] name, not
-- the grain class, so state names must be unique across grain classes. String keys live in
-- KeyExtension; GUID and integer keys in KeyN0/KeyN1 (plus an optional extension).
-- The hashes are computed by the provider and only narrow the lookup.
CREATE TABLE IF NOT EXISTS OrleansGrainState
(
    ServiceId     varchar(150) NOT NULL,
    StateName     varchar(512) NOT NULL,
    StateNameHash integer      NOT NULL,
    KeyHash       integer      NOT NULL,
    KeyN0         bigint       NOT NULL,
    KeyN1         bigint       NOT NULL,
    KeyExtension  varchar(512) NULL,
    Payload       bytea        NULL,
    StateVersion  integer      NOT NULL,
    ModifiedAt    timestamptz  NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT makes a NULL extension part of the identity, so the first-write
    -- insert can rely on ON CONFLICT DO NOTHING when two activations race. Hashes lead so the
    -- same index serves every lookup. Keys are ASCII in practice; a btree entry holds ~2.7 kB.
    CONSTRAINT UQ_OrleansGrainState_Identity UNIQUE NULLS NOT DISTINCT
        (KeyHash, StateNameHash, ServiceId, KeyN0, KeyN1, StateName, KeyExtension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    -- After a clear the row stays with a NULL payload: the provider reads that as "no record"
    -- but keeps the version as the ETag.
    $q$
    SELECT Payload      AS PayloadBinary,
           StateVersion AS Version
      FROM OrleansGrainState
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND KeyExtension IS NOT DISTINCT FROM @GrainIdExtensionString;
    $q$
),
(
    'WriteToStorageKey',
    -- No ETag: create the row at version 1, or return nothing if it already exists.
    -- With an ETag: compare-and-bump in one UPDATE; a stale version returns nothing.
    -- Exactly one of the two branches can act, so the result is 0 or 1 row.
    $q$
    WITH updated AS
    (
        UPDATE OrleansGrainState
           SET Payload = @PayloadBinary,
               StateVersion = StateVersion + 1,
               ModifiedAt = now()
         WHERE @GrainStateVersion IS NOT NULL
           AND KeyHash = @GrainIdHash
           AND StateNameHash = @GrainTypeHash
           AND ServiceId = @ServiceId
           AND KeyN0 = @GrainIdN0
           AND KeyN1 = @GrainIdN1
           AND StateName = @GrainTypeString
           AND KeyExtension IS NOT DISTINCT FROM @GrainIdExtensionString
           AND StateVersion = @GrainStateVersion
        RETURNING StateVersion
    ),
    inserted AS
    (
        INSERT INTO OrleansGrainState
            (ServiceId, StateName, StateNameHash, KeyHash, KeyN0, KeyN1, KeyExtension, Payload, StateVersion)
        SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
               @GrainIdExtensionString, @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
        ON CONFLICT (KeyHash, StateNameHash, ServiceId, KeyN0, KeyN1, StateName, KeyExtension) DO NOTHING
        RETURNING StateVersion
    )
    SELECT StateVersion AS NewGrainStateVersion FROM updated
    UNION ALL
    SELECT StateVersion FROM inserted;
    $q$
),
(
    'ClearStorageKey',
    -- The row is kept (NULL payload) so the version keeps counting and stale writers still fail.
    $q$
    UPDATE OrleansGrainState
       SET Payload = NULL,
           StateVersion = StateVersion + 1,
           ModifiedAt = now()
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND KeyExtension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND StateVersion = @GrainStateVersion
    RETURNING StateVersion AS NewGrainStateVersion;
    $q$
),
(
    'DeleteStorageKey',
    -- Used only with DeleteStateOnClear = true; the provider wants a value unlike the one sent.
    $q$
    DELETE FROM OrleansGrainState
     WHERE KeyHash = @GrainIdHash
       AND StateNameHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND KeyN0 = @GrainIdN0
       AND KeyN1 = @GrainIdN1
       AND StateName = @GrainTypeString
       AND KeyExtension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND StateVersion = @GrainStateVersion
    RETURNING StateVersion + 1 AS NewGrainStateVersion;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
