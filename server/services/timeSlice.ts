// Long loops on the main thread share it with every request: they give way after a slice of time,
// not after a number of items (2,000 ledger rows took 2–3 s when the two cores were shared).
const SLICE_MS = 20;

export function timeSlicer(sliceMs = SLICE_MS) {
  let since = performance.now();
  return {
    /** Whether the slice is spent; then `await giveWay()`. Checked per item, so it stays cheap. */
    due: () => performance.now() - since >= sliceMs,
    giveWay: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    },
  };
}
