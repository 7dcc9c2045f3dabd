import { z } from "zod";
import { getDb } from "../db/client";
import { missedEvents, recordReceipt } from "../services/alerts/alertActions";
import { alertIdsWithin } from "../services/references";
import type { RealtimeServer } from "./server";

const replaySchema = z.object({ afterSeq: z.number().int().min(0) });
const receivedSchema = z.object({ alertIds: z.array(z.string().min(1).max(40)).max(200) });

/**
 * Socket events of the alert inbox:
 * - `alerts:replay` {afterSeq}: the events this socket missed, in order, inside its jurisdiction,
 *   sent as `alerts:replayed` so the client can hold live events back until the replay is done;
 * - `alerts:received` {alertIds}: the client has these alerts on screen (for unseen-escalation).
 */
export function registerAlertHandlers(io: RealtimeServer): void {
  io.on("connection", (socket) => {
    const { user } = socket.data;
    socket.on("alerts:replay", async (input: unknown, ack?: (reply: unknown) => void) => {
      const parsed = replaySchema.safeParse(input);
      if (!parsed.success) return ack?.({ error: "参数有误：afterSeq 应为非负整数" });
      const events = await missedEvents(getDb(), user.regionCode, parsed.data.afterSeq);
      for (const event of events) socket.emit("alerts:replayed", event);
      ack?.({ replayed: events.length, lastSeq: events.at(-1)?.seq ?? parsed.data.afterSeq });
    });
    socket.on("alerts:received", async (input: unknown) => {
      const parsed = receivedSchema.safeParse(input);
      // Receipts only for alerts of this user's jurisdiction: a foreign id is dropped, not recorded.
      if (parsed.success)
        await recordReceipt(getDb(), user.id, await alertIdsWithin(getDb(), user.regionCode, parsed.data.alertIds));
    });
  });
}
