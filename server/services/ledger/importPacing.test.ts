import { describe, expect, it } from "vitest";
import { importPacer } from "./importPacing";

/** A clock whose main-thread work and time the test moves by hand. */
function fakeClock() {
  const state = { time: 0, idle: 0, active: 0, slept: [] as number[] };
  return {
    state,
    clock: {
      now: () => state.time,
      utilisation: () => ({ idle: state.idle, active: state.active }),
      sleep: async (ms: number) => {
        state.slept.push(ms);
        state.time += ms;
      },
    },
    chunk(ms: number, busyShare: number) {
      state.time += ms;
      state.active += ms * busyShare;
      state.idle += ms * (1 - busyShare);
    },
  };
}

describe("an import gives way to a busy server", () => {
  it("rests twice as long as the chunk took when the main thread was mostly busy with others", async () => {
    const { state, clock, chunk } = fakeClock();
    const pace = importPacer(clock);
    chunk(5_000, 0.9); // the first chunk, after waiting for the transaction: only starts the clock
    await pace();
    expect(state.slept).toEqual([]);
    chunk(400, 0.8);
    await pace();
    expect(state.slept).toEqual([800]);
    // The rest itself is not counted as the next chunk's length.
    chunk(300, 0.9);
    await pace();
    expect(state.slept).toEqual([800, 600]);
  });

  it("does not wait on a quiet server", async () => {
    const { state, clock, chunk } = fakeClock();
    const pace = importPacer(clock);
    await pace();
    chunk(400, 0.1);
    await pace();
    chunk(400, 0.45);
    await pace();
    expect(state.slept).toEqual([]);
  });

  it("rests at most a second after a chunk, and not at all once the import has written for four minutes", async () => {
    const { state, clock, chunk } = fakeClock();
    const pace = importPacer(clock);
    await pace();
    chunk(3_000, 0.9); // a chunk slowed by a lock wait
    await pace();
    expect(state.slept).toEqual([1_000]);
    chunk(240_000, 0.9);
    await pace();
    chunk(400, 0.9);
    await pace();
    expect(state.slept).toEqual([1_000]);
  });
});
