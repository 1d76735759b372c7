import { useEffect, useRef } from 'react';
import { displayRef, parseDisplayRef } from '../shared/kinds/kinds';
import { onMenuCommand } from './api/menuEvents';
import { MENU_TO_COMMAND, type AppCommand } from './commands';
import { useAppStore } from './store';

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Opens a document named by a designdesk:// link: a display reference (RFC-12) or a document id. */
export async function openTarget(target: string): Promise<void> {
  const state = useAppStore.getState();
  if (state.summaries.length === 0) await state.loadLibrary();
  const { summaries, toast, closeDoc, navigate } = useAppStore.getState();
  const ref = parseDisplayRef(target);
  const hit = ref ? summaries.find((s) => s.kind === ref.kind && s.number === ref.number) : ULID_RE.test(target) ? summaries.find((s) => s.id === target) : undefined;
  if (!hit) {
    toast('error', `${ref ? displayRef(ref.kind, ref.number) : 'That document'} is not in this workspace (it may be in the trash, or not synced yet).`);
    return;
  }
  await closeDoc();
  navigate({ name: 'doc', id: hit.id });
}

/**
 * Runs what the desktop menu and designdesk:// links ask for: the same
 * commands as the palette, looked up by id. A no-op in a browser.
 */
export function useMenuCommands(commands: readonly AppCommand[], openPalette: () => void): void {
  const latest = useRef({ commands, openPalette });
  latest.current = { commands, openPalette };
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c.type === 'open') return void openTarget(c.target);
        if (c.id === 'palette') return latest.current.openPalette();
        latest.current.commands.find((x) => x.id === MENU_TO_COMMAND[c.id])?.run();
      }),
    [],
  );
}
