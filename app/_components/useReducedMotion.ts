"use client";

import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function subscribe(onChange: () => void) {
  const list = window.matchMedia(QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

/**
 * Whether the person has asked their system for less motion (WCAG 2.3.3), read live. The server render and
 * hydration count it as no, so markup matches; the browser's answer follows at once.
 * The browser specs ask for it too: axe once read a button's colours halfway through antd's fade.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
