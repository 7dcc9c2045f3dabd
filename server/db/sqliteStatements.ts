import type Database from "better-sqlite3";

const LEADING_COMMENTS = String.raw`^(?:\s+|--[^\n]*(?:\n|$)|/\*[\s\S]*?\*/)*`;
const PRAGMA = new RegExp(`${LEADING_COMMENTS}PRAGMA\\b`, "i");
const JOURNAL_MODE = new RegExp(`${LEADING_COMMENTS}PRAGMA\\s+(?:[\\w"\`\\[\\]]+\\.)?journal_mode\\b`, "i");

/** Prisma's statements repeat with the same text; lists of ids vary in length, so the memo is bounded. */
const REMEMBERED_STATEMENTS = 2_000;

/** Whether a statement must run on the writer connection or may run on the read-only one. */
export class StatementClassifier {
  readonly #connection: Database.Database;
  readonly #verdicts = new Map<string, boolean>();

  /** `connection` only compiles statements: it never runs one. */
  constructor(connection: Database.Database) {
    this.#connection = connection;
  }

  /**
   * True iff the statement returns rows and changes nothing, as SQLite's compiler says
   * (`sqlite3_stmt_readonly`): exact where the text is not (`INSERT … RETURNING` returns rows,
   * a `WITH` may end in a write). BEGIN, ATTACH and the like count as read-only too, but return
   * no rows. PRAGMAs go to the writer (runsOnWriter).
   */
  readsOnly(sql: string): boolean {
    const known = this.#verdicts.get(sql);
    if (known !== undefined) return known;
    if (runsOnWriter(sql)) return false;
    let verdict: boolean;
    try {
      const statement = this.#connection.prepare(sql);
      verdict = statement.reader && statement.readonly;
    } catch {
      // Not compiled (bad SQL, a table a migration has yet to create): the writer reports the error
      // in the adapter's own terms; not remembered, since the table may exist next time.
      return false;
    }
    if (this.#verdicts.size >= REMEMBERED_STATEMENTS) this.#verdicts.clear();
    this.#verdicts.set(sql, verdict);
    return verdict;
  }
}

/** PRAGMAs go to the writer: many set state of the connection that runs them and count as read-only. */
export function runsOnWriter(sql: string): boolean {
  return PRAGMA.test(sql);
}

/** `PRAGMA journal_mode = …` can leave WAL only while no other connection has the file open. */
export function changesJournalMode(sql: string): boolean {
  return JOURNAL_MODE.test(sql);
}
