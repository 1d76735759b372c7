import type { OnboardingState } from '../../shared/contract/onboarding';
import type { DocKind } from '../../shared/kinds/kinds';
import type { DocumentStore } from '../store/documentStore';
import type { SettingsStore } from '../store/settingsStore';
import type { TrashService } from './trashService';

export const ONBOARDED_KEY = 'onboarded';
export const SAMPLE_IDS_KEY = 'sampleDocumentIds';

/**
 * The first-run guide's state: whether to show it, and the sample documents
 * it created (remembered by id so "Remove sample documents" takes exactly
 * those, even after they were edited or renamed).
 */
export class OnboardingService {
  private readonly countAll;

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly trash: TrashService,
    /** The host offers the guide at all (desktop app, `npm run web`). */
    private readonly offered: boolean,
  ) {
    this.countAll = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents');
  }

  state(): OnboardingState {
    const onboarded = this.settings.get<boolean>(ONBOARDED_KEY) === true;
    const identitySet = this.settings.get(IDENTITY_KEY) !== undefined;
    const empty = this.countAll.get()!.n === 0;
    return { firstRun: this.offered && !onboarded && !identitySet && empty, onboarded, identitySet, sampleIds: this.liveSamples() };
  }

  finish(): OnboardingState {
    this.settings.set(ONBOARDED_KEY, true);
    return this.state();
  }

  /** Adds `ids` to the remembered samples (only ids of live documents are kept). */
  rememberSamples(ids: readonly string[]): OnboardingState {
    const known = this.storedSamples();
    const next = [...known, ...ids.filter((id) => !known.includes(id) && this.store.get(id))];
    this.settings.set(SAMPLE_IDS_KEY, next);
    return this.state();
  }

  /** Moves the live samples to the trash; returns what was moved so the renderer can offer Undo. */
  removeSamples(): { removed: { id: string; kind: DocKind; number: number; title: string }[] } {
    return this.store.transaction(() => {
      const removed = this.liveSamples().map((id) => {
        const e = this.trash.delete(id);
        return { id: e.id, kind: e.kind, number: e.number, title: e.title };
      });
      return { removed };
    });
  }

  private storedSamples(): string[] {
    const raw = this.settings.get<unknown>(SAMPLE_IDS_KEY);
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  }

  private liveSamples(): string[] {
    return this.storedSamples().filter((id) => this.store.get(id) !== undefined);
  }
}

/** The settings key identity:set writes (see appHandlers). */
const IDENTITY_KEY = 'identity';
