-- Schema v9 of the application tables, SQLite: what budgets tell people, and the index the installation's daily cap
-- reads the ledger by. Same table and column names in the PostgreSQL and SQL Server scripts.

-- A notice for one person's private chat, handed out once (Taken flips from 0 to 1 for one gateway).
-- OnceKey names the occasion ("near:<budget>:<month>:<scope>:<user>"): a second notice for it is refused by the index,
-- so a warning is told once per month even when two silos see the threshold crossed.
CREATE TABLE IF NOT EXISTS BudgetNotices
(
    NoticeId  INTEGER PRIMARY KEY AUTOINCREMENT,
    UserId    INTEGER NOT NULL,
    Kind      TEXT    NOT NULL,
    OnceKey   TEXT    NOT NULL,
    Payload   TEXT    NOT NULL,
    CreatedAt TEXT    NOT NULL,
    Taken     INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX IF NOT EXISTS UX_BudgetNotices_Once ON BudgetNotices (OnceKey);
CREATE INDEX IF NOT EXISTS IX_BudgetNotices_Untaken ON BudgetNotices (Taken, NoticeId);

CREATE INDEX IF NOT EXISTS IX_Conversations_StartedAt ON Conversations (StartedAt);
