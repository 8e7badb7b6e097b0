"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and until React has hydrated the component, then true. Answer options use it to stay
 * disabled (and look it) until a click on them is handled: a click on server-rendered HTML before hydration would
 * tick a radio that hydration then clears, and the answer would be lost without a word.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
