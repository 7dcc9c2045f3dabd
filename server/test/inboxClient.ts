// A socket client that behaves like the alert inbox page (useLiveAlerts): on
// every (re)connect it holds live events back, replays what it missed, then
// applies the held events; each sequence is applied once. Shared by the
// restart test and the two-instance browser test.
import { io as connect, type Socket } from "socket.io-client";
import { SequenceTracker } from "../domain/alertSequence";

export interface InboxEvent {
  seq: number;
  type: string;
  alertId: string | null;
  regionCode: string;
}

export interface InboxClient {
  socket: Socket;
  /** Sequences in the order they were applied. */
  seqs: number[];
  events: InboxEvent[];
}

/**
 * Connects to `urls[0]`; when the connection drops it reconnects to the next
 * URL, as a load balancer would once an instance dies. `loadedAt` is the last
 * sequence the page's initial list already reflects.
 */
export async function connectInbox(urls: string[], cookie: string, loadedAt: number): Promise<InboxClient> {
  const tracker = new SequenceTracker(loadedAt);
  const socket = connect(urls[0]!, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnectionDelay: 50,
    reconnectionDelayMax: 300,
  });
  const client: InboxClient = { socket, seqs: [], events: [] };
  let held: InboxEvent[] | null = null;
  const apply = (e: InboxEvent) => {
    if (!tracker.accept(e.seq)) return;
    client.seqs.push(e.seq);
    client.events.push(e);
  };
  socket.on("alerts:event", (e: InboxEvent) => (held ? held.push(e) : apply(e)));
  socket.on("alerts:replayed", apply);
  socket.on("connect", () => {
    held = [];
    socket.emit("alerts:replay", { afterSeq: tracker.highest, loadedAt: tracker.floor }, () => {
      const pending = held!.sort((a, b) => a.seq - b.seq);
      held = null;
      pending.forEach(apply);
    });
  });
  let target = 0;
  socket.io.on("reconnect_attempt", () => {
    target = Math.min(target + 1, urls.length - 1);
    (socket.io as unknown as { uri: string }).uri = urls[target]!;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("session:ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return client;
}
