import { useEffect, useState } from 'react';

/** Longest wait for the first list: with no open round (no list) or on another tab, the rest starts anyway. */
const AT_MOST_MS = 5000;

let drawn = false;
const waiting = new Set<() => void>();

/** Called once the workbench's first list (the open round's buildings) is drawn. */
export function firstScreenDrawn(): void {
  if (drawn) return;
  drawn = true;
  for (const wake of waiting) wake();
  waiting.clear();
}

/**
 * Whether the first list is drawn (or 5 s have passed), as React state: what the first screen does not need (the
 * notifications' count) waits for it, so that on a slow phone network its request does not delay the list.
 */
export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(drawn);
  useEffect(() => {
    if (ready) return;
    const wake = () => setReady(true);
    waiting.add(wake);
    const timer = setTimeout(wake, AT_MOST_MS);
    return () => {
      waiting.delete(wake);
      clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
