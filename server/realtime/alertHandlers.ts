import { z } from "zod";
import { getDb } from "../db/client";
import { missedEvents, recordReceipt } from "../services/alerts/alertActions";
import { alertIdsWithin } from "../services/references";
import type { RealtimeServer } from "./server";

const replaySchema = z.object({
  afterSeq: z.number().int().min(0),
  loadedAt: z.number().int().min(0).optional(),
});
const receivedSchema = z.object({ alertIds: z.array(z.string().min(1).max(40)).max(200) });

/**
 * Socket events of the alert inbox:
 * - `alerts:replay` {afterSeq, loadedAt}: the events this socket missed, in order, inside its jurisdiction,
 *   sent as `alerts:replayed` so the client can hold live events back until the replay is done
 *   (`loadedAt`: the sequence its list reflects; the ack's `complete: false` asks it to reload the list);
 * - `alerts:received` {alertIds}: the client has these alerts on screen (for unseen-escalation).
 */
export function registerAlertHandlers(io: RealtimeServer): void {
  io.on("connection", (socket) => {
    const { user } = socket.data;
    socket.on("alerts:replay", async (input: unknown, ack?: (reply: unknown) => void) => {
      const parsed = replaySchema.safeParse(input);
      if (!parsed.success) return ack?.({ error: "参数有误：afterSeq 和 loadedAt 应为非负整数" });
      const { afterSeq, loadedAt } = parsed.data;
      const { events, complete } = await missedEvents(getDb(), user.regionCode, afterSeq, { loadedAt });
      for (const event of events) socket.emit("alerts:replayed", event);
      ack?.({ replayed: events.length, lastSeq: Math.max(afterSeq, events.at(-1)?.seq ?? 0), complete });
    });
    socket.on("alerts:received", async (input: unknown) => {
      const parsed = receivedSchema.safeParse(input);
      // Receipts only for alerts of this user's jurisdiction: a foreign id is dropped, not recorded.
      if (parsed.success)
        await recordReceipt(getDb(), user.id, await alertIdsWithin(getDb(), user.regionCode, parsed.data.alertIds));
    });
  });
}
