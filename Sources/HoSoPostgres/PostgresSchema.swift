import HoSoStorage

/// HoSo's tables on a PostgreSQL server, all in schema `hoso` (so `pg_dump -n hoso` takes exactly them),
/// created by versioned migrations: migration N brings a database from version N-1 to N.
///
/// - `meta`: `schemaVersion`, and `head` = "<seq> <hash>" of the last journal entry: the row every
///   commit locks (`FOR UPDATE`), so commits form one chain in one order.
/// - `records`: the current value of every record, with its revision (compare-and-swap) and the seq of
///   the journal entry that wrote it.
/// - `journal`: one row per commit, `entry` the exact JSON text its `hash` (SHA-256) covers; the entry
///   names the previous hash, so an edited, deleted or reordered row breaks the chain.
/// - `settings`: the unit's rule overrides and holidays (what `rules.json` and `holidays.json` are in a
///   data directory), by name.
/// - `audit`: sign-ins, refusals and other security events, one JSON event a row.
/// - `backups`: copies of every record as of a seq, restorable as one attributed commit.
/// - `backups` (version 2): only a clerk of every unit reads or writes them.
/// - indexes of accounts, units and the case files' facts (version 3), for the reports and the access rules.
/// - `records.f_*` (version 4): the fields of the facts a report counts by, computed by the server from `facts`,
///   read through the view `report_counts` (the same files as `report_facts`).
/// - `report_count(…)` (version 5): a report's files counted for its scope, the scope joined with the units before
///   the files; the units' tree walked through an index of each unit's parent; the organisation read through an index.
/// - `command_lock(key)` and `append_entry(…)` (version 6): a command's lock and head in one call, a commit's whole write in one.
/// - `records` updated in place (version 7): a record's scope filled by a trigger parsing its JSON once, and the rows kept with
///   room on their page, so that a save that changes no indexed value touches no index (a heap-only update).
/// - `records.facts` (version 2): what the reports count of a case file (`ReportFacts.line`, one tab-separated line), written in
///   the same statement as the file; read through the view `report_facts`, which gives clerks, committee
///   members and viewers the facts of their units' files, and nothing else of them.
enum PostgresSchema {
    static let name = "hoso"
    /// Notifications of commits, payload the new seq: open terminals refresh within a second.
    static let channel = "hoso_changes"
    /// The advisory lock every client holds while it decides and commits a command ("HoSo" in ASCII).
    static let commandLockKey: Int64 = 0x486F_536F

    static let migrations: [[String]] = [
        tables + accessRules, reportFacts + wholeDataBackups, readIndexes, countedFacts, countedInScope, commitsInOneCall,
        updatedInPlace,
    ]

    /// Version 1: the tables. A record's scope (kind, unit, active mentors, linked role) is computed by
    /// the server from the record itself (generated columns), so no client can file a record under
    /// someone else's scope.
    static let tables = [
        "CREATE SCHEMA IF NOT EXISTS hoso",
        "CREATE TABLE hoso.meta (key text PRIMARY KEY, value text NOT NULL)",
        "INSERT INTO hoso.meta (key, value) VALUES ('head', '0 ' || repeat('0', 64))",
        """
        CREATE FUNCTION hoso.active_mentors(value text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
            SELECT coalesce(array_agg(m->>'memberID'), '{}') FROM jsonb_array_elements(coalesce((value::jsonb)->'case'->'mentors', '[]')) m
            WHERE m->>'until' IS NULL $$
        """,
        """
        CREATE TABLE hoso.records (id text PRIMARY KEY, revision integer NOT NULL CHECK (revision > 0), value text NOT NULL,
            changed_by text NOT NULL, changed_at text NOT NULL, seq bigint NOT NULL,
            kind text GENERATED ALWAYS AS (split_part(id, '/', 1)) STORED,
            unit_id text GENERATED ALWAYS AS (coalesce((value::jsonb)->'case'->>'unitID', (value::jsonb)->'member'->>'unitID',
                (value::jsonb)->'unit'->>'id')) STORED,
            mentors text[] GENERATED ALWAYS AS (hoso.active_mentors(value)) STORED,
            login text GENERATED ALWAYS AS ((value::jsonb)->'account'->>'systemUser') STORED)
        """,
        "CREATE TABLE hoso.journal (seq bigint PRIMARY KEY CHECK (seq > 0), entry text NOT NULL, hash text NOT NULL)",
        "CREATE TABLE hoso.settings (name text PRIMARY KEY, content text NOT NULL)",
        "CREATE TABLE hoso.audit (id bigserial PRIMARY KEY, event text NOT NULL)",
        "CREATE TABLE hoso.backups (name text PRIMARY KEY, seq bigint NOT NULL, created_at text NOT NULL, content text NOT NULL)",
    ]

    /// Version 1 too: the roles as the second wall. Every person connects as their own role, a member of
    /// `hoso_users`, linked to their HoSo account by its `systemUser`. Row-level security then gives a
    /// role exactly what its account's grants give in the application: a clerk or committee member the
    /// files of their units (and the units below), a mentor their active candidates, a viewer no file at
    /// all. Only clerks write units, members, people and backups; the journal can be appended to, never
    /// rewritten. The helper functions run as the tables' owner (the role that ran `hoso init`), who is
    /// not subject to these rules; they take the person from `session_user`, which nobody can change.
    static let accessRules = [
        "DO $$ BEGIN CREATE ROLE hoso_users NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
        """
        CREATE FUNCTION hoso.session_grants() RETURNS TABLE (role text, unit text, member text) LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT g->>'role', g->>'unitID', (r.value::jsonb)->'account'->>'memberID'
            FROM hoso.records r, jsonb_array_elements(coalesce((r.value::jsonb)->'account'->'grants', '[]')) g
            WHERE r.kind = 'account' AND r.login = session_user::text $$
        """,
        """
        CREATE FUNCTION hoso.units_for(roles text[]) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
            WITH RECURSIVE reach(id, depth) AS (
                SELECT unit, 0 FROM hoso.session_grants() WHERE role = ANY(roles)
                UNION
                SELECT r.unit_id, reach.depth + 1 FROM hoso.records r JOIN reach ON (r.value::jsonb)->'unit'->>'parentID' = reach.id
                WHERE r.kind = 'unit' AND reach.depth < 64)
            SELECT coalesce(array_agg(DISTINCT id), '{}') FROM reach $$
        """,
        """
        CREATE FUNCTION hoso.session_members() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT coalesce(array_agg(DISTINCT member) FILTER (WHERE member IS NOT NULL), '{}') FROM hoso.session_grants() WHERE role = 'mentor' $$
        """,
        """
        CREATE FUNCTION hoso.is_clerk() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$ SELECT EXISTS (SELECT 1 FROM hoso.session_grants() WHERE role = 'clerk') $$
        """,
        "ALTER TABLE hoso.records ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY hoso_read ON hoso.records FOR SELECT USING (
            kind IN ('unit', 'member')
            OR (kind = 'case' AND (unit_id = ANY ((SELECT hoso.units_for(ARRAY['clerk', 'committee']))::text[])
                OR (unit_id = ANY ((SELECT hoso.units_for(ARRAY['mentor']))::text[]) AND mentors && (SELECT hoso.session_members()))))
            OR (kind = 'account' AND (login = session_user::text OR (SELECT hoso.is_clerk()))))
        """,
        """
        CREATE POLICY hoso_add ON hoso.records FOR INSERT WITH CHECK (
            (kind = 'case' AND unit_id = ANY ((SELECT hoso.units_for(ARRAY['clerk']))::text[]))
            OR (kind IN ('unit', 'member', 'account') AND (SELECT hoso.is_clerk())))
        """,
        """
        CREATE POLICY hoso_change ON hoso.records FOR UPDATE
        USING (
            (kind = 'case' AND (unit_id = ANY ((SELECT hoso.units_for(ARRAY['clerk', 'committee']))::text[])
                OR (unit_id = ANY ((SELECT hoso.units_for(ARRAY['mentor']))::text[]) AND mentors && (SELECT hoso.session_members()))))
            OR (kind IN ('unit', 'member', 'account') AND (SELECT hoso.is_clerk())))
        WITH CHECK (
            (kind = 'case' AND (unit_id = ANY ((SELECT hoso.units_for(ARRAY['clerk', 'committee']))::text[])
                OR (unit_id = ANY ((SELECT hoso.units_for(ARRAY['mentor']))::text[]) AND mentors && (SELECT hoso.session_members()))))
            OR (kind IN ('unit', 'member', 'account') AND (SELECT hoso.is_clerk())))
        """,
        "CREATE POLICY hoso_remove ON hoso.records FOR DELETE USING ((SELECT hoso.is_clerk()))",
        "ALTER TABLE hoso.audit ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY hoso_audit_add ON hoso.audit FOR INSERT WITH CHECK (true)",
        "CREATE POLICY hoso_audit_read ON hoso.audit FOR SELECT USING ((SELECT hoso.is_clerk()))",
        "ALTER TABLE hoso.backups ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY hoso_backups ON hoso.backups USING ((SELECT hoso.is_clerk())) WITH CHECK ((SELECT hoso.is_clerk()))",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hoso FROM PUBLIC",
        "GRANT USAGE ON SCHEMA hoso TO hoso_users",
        "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA hoso TO hoso_users",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON hoso.records TO hoso_users",
        "GRANT SELECT, INSERT ON hoso.journal TO hoso_users",
        "GRANT SELECT, UPDATE ON hoso.meta TO hoso_users",
        "GRANT SELECT ON hoso.settings TO hoso_users",
        "GRANT SELECT, INSERT ON hoso.audit, hoso.backups TO hoso_users",
        "GRANT USAGE ON SEQUENCE hoso.audit_id_seq TO hoso_users",
    ]

    /// Version 2: the report facts of each case file beside it, and the view the reports read them through.
    /// The view runs as its owner (who is not subject to row-level security) and selects the rows itself,
    /// by the units the session's own grants give (`session_user`): a viewer counts their units' files
    /// without being able to read one. `security_barrier`: a condition of the reader's own (a function
    /// that leaks its argument) is applied only to the rows the view gives, never to the others. Rows written before version 2 get their facts as the migration
    /// runs (`migrate`'s `facts`).
    static let reportFacts = [
        "ALTER TABLE hoso.records ADD COLUMN facts text",
        // The units are read once (one scan, each parent parsed once), then walked: the version-1 walk parsed
        // every unit's JSON at each level (250 ms of a report over 2,000 units).
        """
        CREATE OR REPLACE FUNCTION hoso.units_for(roles text[]) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
            WITH RECURSIVE units AS MATERIALIZED (
                SELECT unit_id AS id, (value::jsonb)->'unit'->>'parentID' AS parent FROM hoso.records WHERE kind = 'unit'),
            reach(id, depth) AS (
                SELECT unit, 0 FROM hoso.session_grants() WHERE role = ANY(roles)
                UNION
                SELECT units.id, reach.depth + 1 FROM units JOIN reach ON units.parent = reach.id WHERE reach.depth < 64)
            SELECT coalesce(array_agg(DISTINCT id), '{}') FROM reach $$
        """,
        // A hashed join on the allowed units, not `= ANY(array)` compared row by row (1.4 s at 100,000 files).
        """
        CREATE VIEW hoso.report_facts WITH (security_barrier) AS SELECT id, unit_id, facts FROM hoso.records
        WHERE kind = 'case' AND unit_id IN (SELECT unnest(hoso.units_for(ARRAY['clerk', 'committee', 'viewer'])))
        """,
        "GRANT SELECT ON hoso.report_facts TO hoso_users",
        // The same rule as version 1, with the same hashed join: a clerk's read of 100,000 files took 2.5 s
        // on the server comparing each row with the array of allowed units, 0.5 s this way.
        "DROP POLICY hoso_read ON hoso.records",
        """
        CREATE POLICY hoso_read ON hoso.records FOR SELECT USING (
            kind IN ('unit', 'member')
            OR (kind = 'case' AND (unit_id IN (SELECT unnest(hoso.units_for(ARRAY['clerk', 'committee'])))
                OR (unit_id IN (SELECT unnest(hoso.units_for(ARRAY['mentor']))) AND mentors && (SELECT hoso.session_members()))))
            OR (kind = 'account' AND (login = session_user::text OR (SELECT hoso.is_clerk()))))
        """,
    ]

    /// Version 2 too: backups hold every unit's files and a restore replaces them all, so only a clerk of
    /// every unit (the top units' clerk) reads or writes `backups`; a clerk of one cell no longer reads the
    /// whole ward's files from a backup.
    static let wholeDataBackups = [
        """
        CREATE FUNCTION hoso.is_clerk_of_everything() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT (SELECT hoso.units_for(ARRAY['clerk'])) @> coalesce((SELECT array_agg(unit_id) FROM hoso.records WHERE kind = 'unit'), '{}') $$
        """,
        "REVOKE ALL ON FUNCTION hoso.is_clerk_of_everything() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoso.is_clerk_of_everything() TO hoso_users",
        "DROP POLICY hoso_backups ON hoso.backups",
        "CREATE POLICY hoso_backups ON hoso.backups USING ((SELECT hoso.is_clerk_of_everything())) WITH CHECK ((SELECT hoso.is_clerk_of_everything()))",
    ]

    /// Version 3: what a report and the access rules read, found without reading every row. The person's
    /// account and the units were found by scanning every record (twice per statement: 200 ms of a report at
    /// 100,000 files); the facts are read from an index holding them, in id order (a tenth of the table's
    /// bytes, which hold every file's text). `units_for` becomes volatile: the planner ran a stable function
    /// once more to estimate its rows, which doubled its cost.
    static let readIndexes = [
        "CREATE INDEX IF NOT EXISTS records_accounts ON hoso.records (login) WHERE kind = 'account'",
        "CREATE INDEX IF NOT EXISTS records_units ON hoso.records (unit_id) WHERE kind = 'unit'",
        "CREATE INDEX IF NOT EXISTS records_case_facts ON hoso.records (id COLLATE \"C\") INCLUDE (unit_id, facts) WHERE kind = 'case'",
        "ALTER FUNCTION hoso.units_for(text[]) VOLATILE",
    ]

    /// Version 4: what a report counts by, counted by the server. The fields of the facts a report groups
    /// files by become columns the server computes from the facts (so they never disagree with them, and the
    /// journal's chain covers them through the facts): a `GROUP BY` that split 100,000 lines of text took
    /// the server longer than sending them. The view `report_counts` gives them for the same files as
    /// `report_facts`, without ids; its units come from a function the planner expects many rows of, so that
    /// it counts in a hash table instead of sorting every file (0.1 s more at 100,000); an index holds the
    /// columns, so the count reads neither the files' text nor the table.
    static let countedFacts = [
        "ALTER TABLE hoso.records "
            + [("f_state", 4), ("f_admission", 5), ("f_recognition", 6), ("f_removals", 7), ("f_striking_off", 8)].map { column, field in
                "ADD COLUMN \(column) text COLLATE \"C\" GENERATED ALWAYS AS (nullif(split_part(facts, E'\\t', \(field)), '')) STORED"
            }.joined(separator: ", ")
            + ", ADD COLUMN f_person text COLLATE \"C\" GENERATED ALWAYS AS ("
            + (9...15).map { "split_part(facts, E'\\t', \($0))" }.joined(separator: " || E'\\t' || ") + ") STORED",
        """
        CREATE FUNCTION hoso.report_units() RETURNS SETOF text LANGUAGE sql VOLATILE ROWS 1000
        AS $$ SELECT unnest(hoso.units_for(ARRAY['clerk', 'committee', 'viewer'])) $$
        """,
        "REVOKE ALL ON FUNCTION hoso.report_units() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoso.report_units() TO hoso_users",
        """
        CREATE VIEW hoso.report_counts WITH (security_barrier) AS
        SELECT unit_id, f_state, f_admission, f_recognition, f_removals, f_striking_off, f_person FROM hoso.records
        WHERE kind = 'case' AND unit_id IN (SELECT hoso.report_units())
        """,
        "GRANT SELECT ON hoso.report_counts TO hoso_users",
        """
        CREATE INDEX IF NOT EXISTS records_case_counts ON hoso.records (unit_id)
        INCLUDE (f_state, f_admission, f_recognition, f_removals, f_striking_off, f_person) WHERE kind = 'case'
        """,
    ]

    /// Version 5: a report's scope joined with the units, not with every file. A report sends its scope (each
    /// unit and the unit its files count under, `ReportFactsRequest.countedUnder`); through the view
    /// `report_counts` the server joined it with every file the role may count (a view takes no argument, and
    /// a security barrier keeps the join outside it). `report_count` takes it as an argument: it keeps the
    /// scope's units the session may count (2,203 rows at most, not 100,000), reads each one's files from the
    /// index of version 4 and counts them under the scope's unit, in one pass; a report on one unit reads only
    /// its files. It runs as the tables' owner and gives counts only, of the same files as `report_counts`
    /// (a NULL scope: every unit it may count, each under itself); a function of the caller never sees a file.
    ///
    /// `units_for` walks the units' tree through an index of each unit's parent, instead of decoding every
    /// unit's JSON (20–40 ms of every report, and of every read row-level security checks); its plan is kept to
    /// that walk, which the planner, estimating a person's grants at dozens, would otherwise trade for a sort
    /// of every unit at each level. And the organisation (units, members, people: every read without the
    /// files) is found through an index instead of a scan of every file's row (60–95 ms at 100,000 files).
    static let countedInScope = [
        "CREATE INDEX IF NOT EXISTS records_unit_parents ON hoso.records ((((value::jsonb)->'unit'->>'parentID'))) WHERE kind = 'unit'",
        "CREATE INDEX IF NOT EXISTS records_organisation ON hoso.records (id) WHERE kind <> 'case'",
        unitsWalk(parentOf: "(r.value::jsonb)->'unit'->>'parentID'"),
        // Each date as the span it falls in (`width_bucket` over the request's day boundaries), removals as their spans,
        // each once; the person only of a file with an admission, when asked (`ReportFacts.init(countedRow:request:)`).
        // With `apart`, the new members come in rows of their own (`profile`): by admission span and person, in the
        // same pass over the files (two hash tables), and the files' rows carry no person: grouping the files by
        // person first and the groups again without it cost a third more.
        """
        CREATE OR REPLACE FUNCTION hoso.report_count(boundaries text[], events boolean, people boolean, apart boolean, scope jsonb)
        RETURNS TABLE (unit text, state text, admission integer, recognition integer, removals text, striking_off integer, person text,
            files bigint, profile boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp ROWS 10000 AS $$
            SELECT allowed.under, r.f_state, width_bucket(r.f_admission, boundaries COLLATE "C"),
                CASE WHEN events THEN width_bucket(r.f_recognition, boundaries COLLATE "C") END,
                CASE WHEN events AND r.f_removals IS NOT NULL THEN (SELECT string_agg(DISTINCT width_bucket(day COLLATE "C", boundaries COLLATE "C")::text, ',')
                    FROM unnest(string_to_array(r.f_removals, ',')) AS day) END,
                CASE WHEN events THEN width_bucket(r.f_striking_off, boundaries COLLATE "C") END,
                coalesce(CASE WHEN people AND NOT apart AND r.f_admission IS NOT NULL THEN r.f_person END,
                    CASE WHEN people AND apart AND r.f_admission IS NOT NULL THEN r.f_person END),
                count(*), GROUPING(allowed.under) = 1
            FROM (SELECT id, CASE WHEN scope IS NULL THEN id ELSE scope ->> id END AS under
                  FROM unnest(hoso.units_for(ARRAY['clerk', 'committee', 'viewer'])) AS id) AS allowed
            JOIN hoso.records r ON r.unit_id = allowed.id AND r.kind = 'case'
            WHERE allowed.under IS NOT NULL
            GROUP BY GROUPING SETS ((1, 2, 3, 4, 5, 6, CASE WHEN people AND NOT apart AND r.f_admission IS NOT NULL THEN r.f_person END),
                (3, CASE WHEN people AND apart AND r.f_admission IS NOT NULL THEN r.f_person END)) $$
        """,
        "REVOKE ALL ON FUNCTION hoso.report_count(text[], boolean, boolean, boolean, jsonb) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoso.report_count(text[], boolean, boolean, boolean, jsonb) TO hoso_users",
    ]

    /// Version 6: a command's commit in two round trips instead of nine. `command_lock` takes the command lock and
    /// reads the head once it holds it (a volatile function: each of its statements sees what was committed before
    /// that statement, so the head is the one the lock's previous holder left), so a view already at that head
    /// need not ask the journal. `append_entry` is the whole write of one commit, sent alone (its own transaction)
    /// or inside one (creation, restore): it locks the head and refuses with SQLSTATE `HS001` (the head it found in
    /// the detail) when the head is not the one the client built its entry on, so that the client catches up and
    /// decides again; appends the journal row; inserts the new records and updates the others, refusing with
    /// `HS002` when fewer rows were updated than sent (row-level security hides a row from an `UPDATE` silently);
    /// removes the removed; moves the head and notifies. Both run as the caller (SECURITY INVOKER): every
    /// row-level security policy applies to what they do as to the statements they replace. `append_entry`'s
    /// statements are planned once a session (`force_generic_plan`): planned for each call's arrays, the update of
    /// a record (ten generated columns, eight indexes) cost 0.1–0.2 ms more a call; the generic plans are the same
    /// (each record found by its key).
    static let commitsInOneCall = [
        """
        CREATE FUNCTION hoso.command_lock(lock_key bigint) RETURNS text LANGUAGE plpgsql VOLATILE SECURITY INVOKER
        SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            found text;
        BEGIN
            PERFORM pg_advisory_lock(lock_key);
            SELECT value INTO found FROM hoso.meta WHERE key = 'head';
            RETURN found;
        END $$
        """,
        """
        CREATE FUNCTION hoso.append_entry(expected_head text, entry_seq bigint, entry_text text, entry_hash text, new_ids text[],
            new_revisions integer[], new_values text[], new_by text[], new_at text[], new_facts text[], new_added boolean[])
        RETURNS void LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, pg_temp
        SET plan_cache_mode = force_generic_plan AS $$
        DECLARE
            found text;
            updated bigint;
        BEGIN
            SELECT value INTO found FROM hoso.meta WHERE key = 'head' FOR UPDATE;
            IF found IS DISTINCT FROM expected_head OR entry_seq <> split_part(found, ' ', 1)::bigint + 1 THEN
                RAISE EXCEPTION 'the head of the journal moved' USING ERRCODE = '\(headMovedState)', DETAIL = coalesce(found, '');
            END IF;
            INSERT INTO hoso.journal (seq, entry, hash) VALUES (entry_seq, entry_text, entry_hash);
            INSERT INTO hoso.records (id, revision, value, changed_by, changed_at, seq, facts)
            SELECT v.id, v.revision, v.value, v.changed_by, v.changed_at, entry_seq, v.facts
            FROM unnest(new_ids, new_revisions, new_values, new_by, new_at, new_facts, new_added)
                AS v(id, revision, value, changed_by, changed_at, facts, added)
            WHERE v.added AND v.value IS NOT NULL;
            UPDATE hoso.records r SET revision = v.revision, value = v.value, changed_by = v.changed_by, changed_at = v.changed_at,
                seq = entry_seq, facts = v.facts
            FROM unnest(new_ids, new_revisions, new_values, new_by, new_at, new_facts, new_added)
                AS v(id, revision, value, changed_by, changed_at, facts, added)
            WHERE r.id = v.id AND NOT v.added AND v.value IS NOT NULL;
            GET DIAGNOSTICS updated = ROW_COUNT;
            IF updated <> (SELECT count(*) FROM unnest(new_values, new_added) AS v(value, added) WHERE NOT v.added AND v.value IS NOT NULL) THEN
                RAISE EXCEPTION 'row-level security refused a record' USING ERRCODE = '\(rowRefusedState)';
            END IF;
            DELETE FROM hoso.records WHERE id IN (SELECT v.id FROM unnest(new_ids, new_values) AS v(id, value) WHERE v.value IS NULL);
            UPDATE hoso.meta SET value = entry_seq || ' ' || entry_hash WHERE key = 'head';
            PERFORM pg_notify('\(channel)', entry_seq::text);
        END $$
        """,
        "REVOKE ALL ON FUNCTION hoso.command_lock(bigint) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoso.command_lock(bigint) TO hoso_users",
        "REVOKE ALL ON FUNCTION \(appendEntrySignature) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION \(appendEntrySignature) TO hoso_users",
    ]

    /// Version 7: a record's update parses its JSON once and touches no index when no indexed value changes. The scope
    /// (`unit_id`, `mentors`, `login`, and the new `parent_id` of a unit) was four generated columns, each parsing the
    /// record's JSON again (0.26 ms of a save's 0.8 ms on the server); a trigger now fills them from one parse
    /// (`record_scope`), before every insert and update, whatever columns the statement names: a client still cannot file a
    /// record under another unit, and row-level security's `WITH CHECK` sees the filled values (a row trigger runs
    /// before the policies' checks). Only the tables' owner could disable the trigger (`ALTER TABLE`, or a superuser's
    /// `session_replication_role`); `hoso check` reports a row whose scope is not its record's. The index of the units'
    /// parents was on an expression of `value`, which every save changes: no update could stay on its page; it is on
    /// `parent_id` now, and the rows are stored with a fifth of each page free (`fillfactor`), so that a note, which
    /// changes neither a file's unit nor its facts most of the time, is written beside the old row without a new entry in
    /// any of the seven indexes (an older table is rewritten so, once, after the upgrade: see `migrate`). New values are
    /// compressed with LZ4 where the server has it (several times faster than the default pglz, a few per cent larger).
    static let updatedInPlace = [
        """
        ALTER TABLE hoso.records ALTER COLUMN unit_id DROP EXPRESSION IF EXISTS, ALTER COLUMN mentors DROP EXPRESSION IF EXISTS,
            ALTER COLUMN login DROP EXPRESSION IF EXISTS, ADD COLUMN parent_id text, SET (fillfactor = 80)
        """,
        // Not run as the owner: called by the trigger under its search_path, and by `hoso check` to compare.
        """
        CREATE FUNCTION hoso.record_scope(value text, OUT unit_id text, OUT mentors text[], OUT login text, OUT parent_id text)
        LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            record jsonb := value::jsonb;
        BEGIN
            unit_id := coalesce(record->'case'->>'unitID', record->'member'->>'unitID', record->'unit'->>'id');
            mentors := coalesce((SELECT array_agg(m->>'memberID') FROM jsonb_array_elements(coalesce(record->'case'->'mentors', '[]')) m
                WHERE m->>'until' IS NULL), '{}');
            login := record->'account'->>'systemUser';
            parent_id := record->'unit'->>'parentID';
        END $$
        """,
        // Its own search_path: a caller's schema of look-alike operators must not compute a record's scope.
        """
        CREATE FUNCTION hoso.fill_record_scope() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            SELECT * INTO NEW.unit_id, NEW.mentors, NEW.login, NEW.parent_id FROM hoso.record_scope(NEW.value);
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER records_scope BEFORE INSERT OR UPDATE ON hoso.records FOR EACH ROW EXECUTE FUNCTION hoso.fill_record_scope()",
        "UPDATE hoso.records SET parent_id = NULL WHERE kind = 'unit'",
        "DROP INDEX IF EXISTS hoso.records_unit_parents",
        "CREATE INDEX records_unit_parents ON hoso.records (parent_id) WHERE kind = 'unit'",
        unitsWalk(parentOf: "r.parent_id"),
        """
        DO $$ BEGIN ALTER TABLE hoso.records ALTER COLUMN value SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$
        """,
        "REVOKE ALL ON FUNCTION hoso.record_scope(text), hoso.fill_record_scope() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoso.record_scope(text) TO hoso_users",
    ]

    /// `units_for` walking the units' tree from the session's grants through the index of `parent` (versions 5 and 7),
    /// its plan kept to that walk.
    static func unitsWalk(parentOf parent: String) -> String {
        """
        CREATE OR REPLACE FUNCTION hoso.units_for(roles text[]) RETURNS text[] LANGUAGE sql VOLATILE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp SET enable_hashjoin = off SET enable_mergejoin = off AS $$
            WITH RECURSIVE reach(id, depth) AS (
                SELECT unit, 0 FROM hoso.session_grants() WHERE role = ANY(roles)
                UNION
                SELECT r.unit_id, reach.depth + 1 FROM reach JOIN hoso.records r ON \(parent) = reach.id AND r.kind = 'unit'
                WHERE reach.depth < 64)
            SELECT coalesce(array_agg(DISTINCT id), '{}') FROM reach $$
        """
    }

    static let appendEntrySignature = "hoso.append_entry(text, bigint, text, text, text[], integer[], text[], text[], text[], text[], boolean[])"
    /// The SQLSTATE of `append_entry` when the head is not the one the entry was built on.
    static let headMovedState = "HS001"
    /// The SQLSTATE of `append_entry` when row-level security hid a record it was to update.
    static let rowRefusedState = "HS002"

    static var version: Int { migrations.count }

    /// The version of HoSo's tables in this database (0: none yet).
    static func installedVersion(_ connection: PostgresConnection) throws(PostgresConnection.Failure) -> Int {
        let exists = try connection.execute("SELECT to_regclass('hoso.meta') IS NOT NULL")
        guard exists.first?.first == "t" else { return 0 }
        let rows = try connection.execute("SELECT value FROM hoso.meta WHERE key = 'schemaVersion'")
        return rows.first?.first.flatMap { $0.flatMap(Int.init) } ?? 0
    }

    /// Brings the tables to `version`, in one transaction; refuses a newer database. `facts` makes the report
    /// facts of a record's text, for the rows written before there were any.
    static func migrate(_ connection: PostgresConnection, location: String, facts: (String) -> String?) throws(StoreError) {
        do {
            try connection.execute("BEGIN")
            // One migrator at a time, even for the very first one (no table to lock yet).
            try connection.execute("SELECT pg_advisory_xact_lock(7501405)")
            let found = try installedVersion(connection)
            if found > version {
                try connection.execute("ROLLBACK")
                throw StoreError.newerSchemaVersion(path: location, found: found, supported: version)
            }
            // Only the tables' owner may change them: anyone else is told who upgrades, not the server's refusal.
            if found > 0, found < version,
               try connection.execute(
                   """
                   SELECT r.rolsuper OR t.tableowner = session_user FROM pg_tables t, pg_roles r
                   WHERE t.schemaname = 'hoso' AND t.tablename = 'records' AND r.rolname = session_user
                   """).first?.first != "t" {
                try connection.execute("ROLLBACK")
                throw StoreError.databaseFailure(
                    location: location,
                    reason: "các bảng HoSo trên máy chủ ở định dạng \(found), bản HoSo này dùng định dạng \(version); chỉ người sở hữu "
                        + "các bảng (vai trò đã chạy hoso init hoặc hoso migrate) nâng cấp được: nhờ người đó chạy hoso check --data … một lần")
            }
            for migration in migrations.dropFirst(found) {
                for statement in migration { try connection.execute(statement) }
            }
            if found >= 1, found < 2 { try fillReportFacts(connection, facts: facts) }
            try connection.execute(
                "INSERT INTO hoso.meta (key, value) VALUES ('schemaVersion', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [String(version)])
            try connection.execute("COMMIT")
            // Version 4 rewrote every row: until a vacuum marks the pages visible again the reports' count
            // reads the table instead of its index (0.2 s instead of 0.1 s at 100,000 files), and autovacuum
            // would not come for a long time; version 5's index of the units' parents is an expression, whose
            // values the planner knows only once analysed. Version 7's free fifth of each page is made by rewriting the
            // table (5 s at 100,000 files, once): otherwise each row written before would move to such a page only on its
            // next update, which could not be heap-only; a rewrite leaves no page marked visible, hence the vacuum after it.
            // Outside the transaction, as VACUUM must be; a failure costs only speed.
            if found >= 1, found < version {
                if found < 7 { _ = try? connection.execute("VACUUM (FULL) hoso.records") }
                _ = try? connection.execute("VACUUM (ANALYZE) hoso.records")
            }
        } catch let failure as PostgresConnection.Failure {
            _ = try? connection.execute("ROLLBACK")
            throw StoreError.databaseFailure(location: location, reason: failure.message)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.databaseFailure(location: location, reason: "\(error)")
        }
    }

    /// Writes the facts of every case file that has none yet, 500 rows a statement. The journal is not
    /// touched: the facts are derived from the record, not a change of it.
    private static func fillReportFacts(_ connection: PostgresConnection, facts: (String) -> String?) throws {
        let rows = try connection.execute("SELECT id, value FROM hoso.records WHERE kind = 'case' AND facts IS NULL ORDER BY id")
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 500, rows.count)]
            var values: [String] = []
            var parameters: [String?] = []
            for row in batch {
                guard let id = row[0], let text = row[1], let made = facts(text) else { continue }
                values.append("($\(parameters.count + 1), $\(parameters.count + 2))")
                parameters += [id, made]
            }
            if !values.isEmpty {
                try connection.execute(
                    "UPDATE hoso.records r SET facts = v.facts FROM (VALUES \(values.joined(separator: ", "))) AS v(id, facts) WHERE r.id = v.id",
                    parameters)
            }
            start += 500
        }
    }
}
