import { useEffect, useRef, useState } from 'react';
import { DOC_KINDS, KINDS } from '../../../shared/kinds/kinds';
import { call, errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import type { View } from '../../store/uiSlice';
import { IdentityFields } from '../settings/IdentityFields';
import { WorkspaceInfo } from '../settings/WorkspaceInfo';
import '../../styles/shell.css';

const STEPS = ['Workspace', 'You', 'Start', 'Team repository'] as const;

const SAMPLE_LINES: Record<(typeof DOC_KINDS)[number], string> = {
  rfc: 'an RFC in review: moving search indexing to a background worker',
  adr: 'an ADR: SQLite in WAL mode for the local workspace',
  matrix: 'a decision matrix: three job queues scored on weighted criteria',
  postmortem: 'a postmortem with a timeline and open, overdue and done action items',
};

/**
 * The first-run guide: where the workspace is, who you are, a guided sample
 * or an empty start, and the team repository. Each step's heading takes the
 * focus, so a screen reader announces where the user is.
 */
export function FirstRun() {
  const identity = useAppStore((s) => s.identity);
  const [step, setStep] = useState(0);
  const [withSamples, setWithSamples] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // Not on mount: the page has just loaded and the welcome heading is first anyway.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const finish = async (to: View): Promise<void> => {
    setBusy(true);
    try {
      await useAppStore.getState().finishOnboarding();
      useAppStore.getState().navigate(to);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (withSamples && useAppStore.getState().sampleIds.length === 0) {
        const n = await useAppStore.getState().createSamples();
        useAppStore.getState().toast('info', `Created ${n} sample documents: one of each kind.`);
      }
      setStep(3);
    } catch (e) {
      setError(`Could not create the sample documents: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const back = step > 0 && (
    <button type="button" className="button" onClick={() => setStep((s) => s - 1)} disabled={busy}>
      Back
    </button>
  );

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <div className="first-run-card">
        <header className="first-run-header">
          <span className="brand-mark first-run-mark" aria-hidden="true">
            ◆
          </span>
          <div>
            <p className="first-run-kicker">Welcome to DesignDesk</p>
            <h1 id="first-run-title" className="first-run-title">
              Set up your workspace
            </h1>
          </div>
          <button type="button" className="button button-quiet first-run-skip" onClick={() => void finish({ name: 'library' })} disabled={busy}>
            Skip setup
          </button>
        </header>
        <ol className="first-run-steps" aria-label="Setup steps">
          {STEPS.map((label, i) => (
            <li key={label} className={i === step ? 'current' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i < step ? '✓' : i + 1}
              </span>
              {label}
              {i < step && <span className="visually-hidden"> (done)</span>}
            </li>
          ))}
        </ol>

        <section className="first-run-step" aria-labelledby="first-run-step-title">
          <h2 id="first-run-step-title" ref={heading} tabIndex={-1}>
            {['Where your documents live', 'Who you are', 'How to start', 'Share with your team (optional)'][step]}
          </h2>

          {step === 0 && (
            <>
              <p className="section-lead">Everything is stored on this computer, so DesignDesk works offline. Your team shares documents through a git repository, set up in the last step.</p>
              <WorkspaceInfo />
              <div className="form-actions">
                <button type="button" className="button button-primary" onClick={() => setStep(1)}>
                  Continue
                </button>
              </div>
            </>
          )}

          {step === 1 &&
            (identity ? (
              <>
                <p className="section-lead">Your name goes on everything you write and review. We filled in what your git configuration says.</p>
                <IdentityFields
                  initial={identity}
                  submitLabel="Continue"
                  onSubmit={async (p) => {
                    useAppStore.setState({ identity: await call('identity:set', p) });
                    setStep(2);
                  }}
                >
                  {back}
                </IdentityFields>
              </>
            ) : (
              <p className="loading">Loading…</p>
            ))}

          {step === 2 && (
            <>
              <fieldset className="start-choice" disabled={busy}>
                <legend className="visually-hidden">How to start</legend>
                <label className={`choice-card ${withSamples ? 'selected' : ''}`}>
                  <input type="radio" name="start" checked={withSamples} onChange={() => setWithSamples(true)} />
                  <span>
                    <strong>Start with a guided sample</strong> (recommended)
                    <span className="field-hint">One filled-in document of each kind, to see how they work. Remove them in one click when you are ready.</span>
                    <ul className="sample-list">
                      {DOC_KINDS.map((k) => (
                        <li key={k}>
                          <span className="doc-ref">{KINDS[k].label}</span> {SAMPLE_LINES[k]}
                        </li>
                      ))}
                    </ul>
                  </span>
                </label>
                <label className={`choice-card ${withSamples ? '' : 'selected'}`}>
                  <input type="radio" name="start" checked={!withSamples} onChange={() => setWithSamples(false)} />
                  <span>
                    <strong>Start with an empty workspace</strong>
                    <span className="field-hint">Write your first RFC, ADR, decision matrix or postmortem from its template.</span>
                  </span>
                </label>
              </fieldset>
              <div className="form-actions">
                {back}
                <button type="button" className="button button-primary" onClick={() => void start()} disabled={busy}>
                  {busy ? 'Creating sample documents…' : 'Continue'}
                </button>
              </div>
            </>
          )}

          {step === 3 && (
            <>
              <p className="section-lead">
                Connect the git repository your team shares (GitHub, GitLab, Gitea or any server): DesignDesk commits, pulls and pushes your documents as Markdown files
                that read well on the git host too. You can do this any time from <strong>Sync</strong> in the top bar.
              </p>
              <div className="form-actions">
                {back}
                <button type="button" className="button" onClick={() => void finish({ name: 'sync' })} disabled={busy}>
                  Connect a repository now
                </button>
                <button type="button" className="button button-primary" onClick={() => void finish({ name: 'library' })} disabled={busy}>
                  Open the library
                </button>
              </div>
            </>
          )}
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
