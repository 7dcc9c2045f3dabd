// The ledger import's worker thread: reads, parses, checks and classifies a file away from the
// server's event loop, then hands the validated rows to the main thread in chunks, one chunk per
// request, so receiving 100,000 rows never holds the main thread for long. It serves one job after
// another until the main thread ends it (importWorkerPool.ts). Protocol: importWorkers.ts.
import { parentPort } from "node:worker_threads";
import type { ToMain, ToWorker, WorkerFailure } from "./importProtocol";
import { UserInputError } from "../errors";
import { LedgerRejectedError, validateLedger, type LedgerInput } from "./validateLedger";

const port = parentPort!;
const post = (message: ToMain) => port.postMessage(message);

// One listener for the worker's whole life: the main thread sends only when the worker asked or is
// idle, so at most one message waits here, and the port stays open between jobs.
const inbox: ToWorker[] = [];
let reader: ((message: ToWorker) => void) | null = null;
port.on("message", (message: ToWorker) => {
  if (reader) {
    const read = reader;
    reader = null;
    read(message);
  } else inbox.push(message);
});
const next = () =>
  new Promise<ToWorker>((resolve) => {
    const waiting = inbox.shift();
    if (waiting) resolve(waiting);
    else reader = resolve;
  });

// The size of one handover; the main thread writes in chunks of 1,000 on SQLite as well.
const ROWS_PER_MESSAGE = 1000;

function failure(error: unknown): WorkerFailure {
  if (error instanceof LedgerRejectedError)
    return { kind: "rejected", message: error.message, errors: error.errors, errorCount: error.errorCount };
  if (error instanceof UserInputError) return { kind: "input", message: error.message };
  return { kind: "internal", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

async function run(input: LedgerInput) {
  try {
    const { rows, fileHash } = await validateLedger(
      input,
      async (regionCodes) => {
        post({ type: "references", regionCodes });
        const answer = await next();
        if (answer.type !== "references") throw new Error(`unexpected ${answer.type} while awaiting references`);
        return answer.references;
      },
      (progress) => post({ type: "progress", progress }),
    );
    post({ type: "validated", rowCount: rows.length, fileHash });
    for (let start = 0; start < rows.length; start += ROWS_PER_MESSAGE) {
      await next();
      post({ type: "rows", rows: rows.slice(start, start + ROWS_PER_MESSAGE) });
    }
  } catch (error) {
    post({ type: "failed", failure: failure(error) });
  }
}

for (;;) {
  const message = await next();
  if (message.type === "job") await run(message.input);
}
