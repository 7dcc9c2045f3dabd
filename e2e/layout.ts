// Where the browser suite's servers listen and keep their data. Ports from E2E_PORT up: one app server per
// Playwright worker, then the scale-out spec's two instances at the top of the range, so neither collides.
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAX_WORKERS = 8;
export const SCALEOUT_PORTS: [number, number] = [E2E_BASE_PORT + MAX_WORKERS, E2E_BASE_PORT + MAX_WORKERS + 1];

export const workerPort = (parallelIndex: number) => E2E_BASE_PORT + parallelIndex;

/** The seeded demo database every worker's server starts from a copy of (e2e/template.ts). */
export const TEMPLATE_FILE = "data/e2e-template.db";
/** A worker's own copy and upload folder; a replacement worker (after a failure) starts from a fresh copy. */
export const workerDataDir = (parallelIndex: number) => `data/e2e-worker-${parallelIndex}`;
