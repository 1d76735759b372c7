import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode'] });
  return () => observer.disconnect();
}

const read = (): string => document.documentElement.dataset.colorMode ?? 'auto';

/**
 * The Markdown editor's colour mode: the theme chosen by hand (theme.ts puts
 * it on <html>), or "auto" to follow the system when none is chosen, so dark
 * chosen by hand on a light system is dark in the editor too.
 */
export function useColorMode(): string {
  return useSyncExternalStore(subscribe, read);
}
