/** The caret offset of the one editor, shared with the outline without re-rendering the editor on each move. */
export interface CaretStore {
  get: () => number;
  set: (offset: number) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createCaretStore(): CaretStore {
  let offset = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => offset,
    set: (next) => {
      if (next === offset) return;
      offset = next;
      listeners.forEach((l) => l());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
