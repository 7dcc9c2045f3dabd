// @providers: sqlite — no database: the reset between the files of the shared integration project
import { describe, expect, it } from "vitest";
import { bus } from "../bus";
import { installImportWorkers } from "../services/ledger/importWorkerPool";
import { freshGlobals } from "./freshGlobals";

const shared = globalThis as Record<string, unknown>;

describe("the reset before each file of the shared integration project", () => {
  it("drops the singletons built on a database and the limiters, and puts the environment back", () => {
    const pool = installImportWorkers();
    for (const name of ["__burdenAuth", "__burdenDb", "__signInLimiter", "__loginLockout", "__accessCodeFailures"])
      shared[name] = { from: "the previous file" };
    process.env.DATABASE_URL = "file:/tmp/the-previous-file.db";
    process.env.FRESH_GLOBALS_PROBE = "1";
    let heard = 0;
    bus.on("session:ended", () => (heard += 1));

    freshGlobals();

    for (const name of ["__burdenAuth", "__burdenDb", "__signInLimiter", "__loginLockout", "__accessCodeFailures"])
      expect(shared[name], name).toBeUndefined();
    expect(process.env.FRESH_GLOBALS_PROBE).toBeUndefined();
    expect(process.env.DATABASE_URL).not.toBe("file:/tmp/the-previous-file.db");
    bus.emit("session:ended", "token");
    expect(heard).toBe(0);
    // Warm import workers hold no file's data: they are kept.
    expect(shared.__ledgerImportWorkers).toBe(pool);
  });
});
