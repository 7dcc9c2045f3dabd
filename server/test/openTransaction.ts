import type { Db, Tx } from "../db/client";

/** A promise and the function that settles it, for tests that decide when something finishes (Node 20: no withResolvers). */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** An interactive transaction that does `work`, then stays open until told to commit or fail. */
export function openTransaction(db: Db, work: (tx: Tx) => Promise<void>) {
  const decision = deferred<"commit" | "fail">();
  const opened = deferred();
  const ended = db
    .$transaction(async (tx) => {
      await work(tx);
      opened.resolve();
      if ((await decision.promise) === "fail") throw new Error("事务中途失败（测试）");
    })
    .then(
      () => "committed" as const,
      () => "rolled back" as const,
    );
  return {
    open: opened.promise,
    ended,
    commit: () => decision.resolve("commit"),
    fail: () => decision.resolve("fail"),
  };
}
