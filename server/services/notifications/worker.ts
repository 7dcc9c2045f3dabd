import { everyClusterTurn } from "../../cluster/turns";
import type { Db } from "../../db/client";
import { runNotificationTurn } from "./dispatcher";

const EVERY_MS = Number(process.env.NOTIFY_EVERY_MS) || 5000;

/**
 * Delivers the outbox every few seconds. With several instances each turn is a
 * lease only one of them gets; messages are also claimed one by one, so a turn
 * that outlives its lease still never sends a message twice at once.
 */
export function startNotificationWorker(db: Db, log: (line: string) => void, everyMs = EVERY_MS) {
  return everyClusterTurn(log, { name: "通知发送", key: "notifications", everyMs }, async () => {
    const turn = await runNotificationTurn(db);
    if (turn.failed || turn.dead) log(`通知发送：成功 ${turn.sent}，待重试 ${turn.failed}，死信 ${turn.dead}`);
  });
}
