import { EventEmitter } from "node:events";

/** In-process events between layers that must not import each other (auth and services → realtime). */
export interface BusEvents {
  "session:ended": [token: string];
  /** A socket event for everyone whose jurisdiction contains `regionCode` (realtime/server.ts delivers it). */
  "region:event": [regionCode: string, event: string, payload: unknown];
  /** A direct report was filed; only report readers hear of it (realtime/reportRooms.ts). No content travels. */
  "reports:new": [regionCode: string, payload: { id: string; regionCode: string }];
}

// Shared through globalThis: Next's route bundles (where sign-out runs) and the custom server load modules separately.
const globalForBus = globalThis as typeof globalThis & { __burdenBus?: EventEmitter };
globalForBus.__burdenBus ??= new EventEmitter();
const emitter = globalForBus.__burdenBus;

export const bus = {
  emit<K extends keyof BusEvents>(event: K, ...args: BusEvents[K]) {
    emitter.emit(event, ...args);
  },
  on<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void) {
    emitter.on(event, listener as (...args: unknown[]) => void);
    return () => emitter.off(event, listener as (...args: unknown[]) => void);
  },
};
