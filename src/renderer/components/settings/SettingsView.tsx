import { useState } from 'react';
import { THEMES } from '../../../shared/contract/desktop';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { THEME_LABELS } from '../../theme';
import { BackupsSection } from './BackupsSection';
import { IdentityFields } from './IdentityFields';
import { WorkspaceInfo } from './WorkspaceInfo';
import '../../styles/shell.css';

const THEME_HINTS = { system: 'Follows your operating system', light: 'Always light', dark: 'Always dark' } as const;

/** Theme choice as a radio group: arrow keys move between the three options. */
function ThemeSetting() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <fieldset className="theme-choice">
      <legend className="visually-hidden">Theme</legend>
      {THEMES.map((t) => (
        <label key={t} className={`theme-option ${theme === t ? 'selected' : ''}`}>
          <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
          <span className={`theme-swatch theme-swatch-${t}`} aria-hidden="true" />
          <span className="theme-option-text">
            <span className="theme-option-label">{THEME_LABELS[t]}</span>
            <span className="field-hint">{THEME_HINTS[t]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Remote images in documents: held back until allowed per document, or always loaded. */
function RemoteImagesSetting() {
  const always = useAppStore((s) => s.alwaysLoadImages);
  const setAlways = useAppStore((s) => s.setAlwaysLoadImages);
  return (
    <label className="checkbox-setting">
      <input type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} />
      <span>
        Always load remote images
        <span className="field-hint">Images from other servers then load in every document, and those servers learn when it is read.</span>
      </span>
    </label>
  );
}

/** Settings: appearance, who you are, where the workspace is, its backups, and the sample documents. */
export function SettingsView() {
  const identity = useAppStore((s) => s.identity);
  const sampleCount = useAppStore((s) => s.sampleIds.length);
  const toast = useAppStore((s) => s.toast);
  const [saving, setSaving] = useState(false);

  return (
    <div className="settings">
      <h1 className="page-title">Settings</h1>

      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Theme</h2>
        <p className="section-lead">Stored on this device. The command palette (Ctrl+Shift+P) switches it too.</p>
        <ThemeSetting />
      </section>

      <section className="settings-section" aria-labelledby="settings-images">
        <h2 id="settings-images">Remote images</h2>
        <p className="section-lead">
          An image from another server tells that server who opened a document, and when. They are blocked until you choose “Load images” on a document.
        </p>
        <RemoteImagesSetting />
      </section>

      <section className="settings-section" aria-labelledby="settings-identity">
        <h2 id="settings-identity">Your name and email</h2>
        <p className="section-lead">Recorded on every edit, status change, review and commit made from this workspace.</p>
        {identity ? (
          <IdentityFields
            key={`${identity.name}/${identity.email}`}
            initial={identity}
            submitLabel="Save name and email"
            busy={saving}
            onSubmit={async (p) => {
              setSaving(true);
              try {
                await useAppStore.getState().saveNow();
                useAppStore.setState({ identity: await call('identity:set', p) });
                toast('info', `Saved: you are ${p.name}${p.email ? ` <${p.email}>` : ''}.`);
              } finally {
                setSaving(false);
              }
            }}
          />
        ) : (
          <p className="loading">Loading…</p>
        )}
      </section>

      <section className="settings-section" aria-labelledby="settings-workspace">
        <h2 id="settings-workspace">Workspace</h2>
        <p className="section-lead">One SQLite database holds every document, version and review of this workspace.</p>
        <WorkspaceInfo />
      </section>

      <section className="settings-section" aria-labelledby="settings-backups">
        <h2 id="settings-backups">Backups</h2>
        <p className="section-lead">A copy of the whole library is taken when DesignDesk starts and every hour; the newest 10 are kept. Restore one to go back to it.</p>
        <BackupsSection />
      </section>

      <section className="settings-section" aria-labelledby="settings-samples">
        <h2 id="settings-samples">Sample documents</h2>
        {sampleCount > 0 ? (
          <>
            <p className="section-lead">
              {sampleCount} {sampleCount === 1 ? 'document' : 'documents'} from the guided start {sampleCount === 1 ? 'is' : 'are'} still in the library.
            </p>
            <button type="button" className="button button-danger-quiet" onClick={() => useAppStore.setState({ confirmRemoveSamples: true })}>
              Remove sample documents
            </button>
          </>
        ) : (
          <p className="section-lead">No sample documents in this workspace. Everything in the library is yours.</p>
        )}
      </section>
    </div>
  );
}
