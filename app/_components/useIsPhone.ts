"use client";

import { Grid } from "antd";

/**
 * True below 768 px. Undefined breakpoints (the server render and the first
 * client render) count as desktop, so hydration matches and phones switch after mount.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
