import { useMemo } from 'react';
import { buildCommands, type AppCommand, type CommandContext } from './commands';
import { useAppStore } from './store';

/** The app's commands, rebuilt when the theme or the samples change. */
export function useAppCommands(ctx: Omit<CommandContext, 'theme' | 'hasSamples' | 'setTheme' | 'askRemoveSamples'>): AppCommand[] {
  const theme = useAppStore((s) => s.theme);
  const hasSamples = useAppStore((s) => s.sampleIds.length > 0);
  const { create, go, quickOpen, search, save, syncNow, showShortcuts } = ctx;
  return useMemo(
    () =>
      buildCommands({
        create,
        go,
        quickOpen,
        search,
        save,
        syncNow,
        showShortcuts,
        theme,
        hasSamples,
        setTheme: (t) => useAppStore.getState().setTheme(t),
        askRemoveSamples: () => useAppStore.setState({ confirmRemoveSamples: true }),
      }),
    [create, go, quickOpen, search, save, syncNow, showShortcuts, theme, hasSamples],
  );
}
