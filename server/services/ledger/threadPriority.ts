// Linux schedules each thread on its own, with its own nice value: the import worker's parsing and
// checking of 100,000 rows is background work, and at the server's priority it took one of the two
// cores from the fifty users' requests for the whole validation (issue #14's load test: record.list
// p95 600–750 ms on SQLite while a ledger was being checked, under 300 ms after).
import fs from "node:fs";
import os from "node:os";

/** Lowers the calling thread's scheduling priority; false where threads cannot be told apart (not Linux). */
export function lowerThisThreadPriority(nice = 10): boolean {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

/** The nice value of a thread of this process (Linux), or null. */
export function threadNice(tid: number | "thread-self"): number | null {
  try {
    const path = tid === "thread-self" ? "/proc/thread-self/stat" : `/proc/self/task/${tid}/stat`;
    const stat = fs.readFileSync(path, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  } catch {
    return null;
  }
}
