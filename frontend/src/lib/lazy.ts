/**
 * Loads a module once, on first use (later uses share the promise). What the
 * first screen does not show loads this way, so the window's first bundle
 * stays small (the start-up budget in docs/PERFORMANCE.md).
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}
