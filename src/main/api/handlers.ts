import type { Person } from '../../shared/document';
import type { ActionItemService } from '../services/actionItemService';
import type { BackupService } from '../services/backupService';
import type { AdrService } from '../services/adrService';
import type { DashboardService } from '../services/dashboardService';
import type { DocumentService } from '../services/documentService';
import type { HealthService } from '../services/healthService';
import type { LinkService } from '../services/linkService';
import type { OnboardingService } from '../services/onboardingService';
import type { PostmortemOverviewService } from '../services/postmortemOverviewService';
import type { ReviewService } from '../services/reviewService';
import type { SuggestionService } from '../services/suggestionService';
import type { SearchService } from '../services/searchService';
import type { TrashService } from '../services/trashService';
import type { VersionService } from '../services/versionService';
import type { SettingsStore } from '../store/settingsStore';
import type { PublishService } from '../publish/publishService';
import type { SyncService } from '../sync/syncService';
import type { Handlers } from './dispatch';
import { createActionsHandlers } from './handlers/actionsHandlers';
import { createAdrsHandlers } from './handlers/adrsHandlers';
import { createAppHandlers } from './handlers/appHandlers';
import { createBackupsHandlers } from './handlers/backupsHandlers';
import { createDesktopHandlers } from './handlers/desktopHandlers';
import { createDocsHandlers } from './handlers/docsHandlers';
import { createHealthHandlers } from './handlers/healthHandlers';
import { createLinksHandlers } from './handlers/linksHandlers';
import { createOnboardingHandlers } from './handlers/onboardingHandlers';
import { createPostmortemsHandlers } from './handlers/postmortemsHandlers';
import { createReviewsHandlers } from './handlers/reviewsHandlers';
import { createSearchHandlers } from './handlers/searchHandlers';
import { createSiteHandlers } from './handlers/siteHandlers';
import { createSyncHandlers } from './handlers/syncHandlers';
import { createTrashHandlers } from './handlers/trashHandlers';
import { createVersionsHandlers } from './handlers/versionsHandlers';

/** What only the desktop shell can do; absent in the web host and the CLI. */
export interface Platform {
  printToPdf?: (title: string) => Promise<{ saved: boolean; path: string | null }>;
  /** Follows the page's theme in the window chrome (nativeTheme.themeSource). */
  setTheme?: (theme: 'system' | 'light' | 'dark') => void;
  /** A folder picker for the workspace; the app restarts on the chosen folder. */
  chooseWorkspace?: () => Promise<{ path: string | null }>;
}

/** Everything a handler may use; composed once in app.ts. Areas add their service here. */
export interface HandlerDeps {
  documents: DocumentService;
  versions: VersionService;
  links: LinkService;
  search: SearchService;
  trash: TrashService;
  actionItems: ActionItemService;
  adrs: AdrService;
  reviews: ReviewService;
  suggestions: SuggestionService;
  dashboard: DashboardService;
  onboarding: OnboardingService;
  postmortems: PostmortemOverviewService;
  settings: SettingsStore;
  sync: SyncService;
  publisher: PublishService;
  health: HealthService;
  backups: BackupService;
  identity: () => Person;
  info: { version: string; workspace: string; bridge: 'electron' | 'web' };
  platform: Platform;
}

/**
 * Binds each contract entry to the service that answers it, one file per
 * area. Inputs arrive already validated. The `Handlers` type makes a missing
 * entry a type error.
 */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    ...createAppHandlers(d),
    ...createDocsHandlers(d),
    ...createVersionsHandlers(d),
    ...createLinksHandlers(d),
    ...createSearchHandlers(d),
    ...createTrashHandlers(d),
    ...createSyncHandlers(d),
    ...createActionsHandlers(d),
    ...createAdrsHandlers(d),
    ...createReviewsHandlers(d),
    ...createOnboardingHandlers(d),
    ...createDesktopHandlers(d),
    ...createSiteHandlers(d),
    ...createPostmortemsHandlers(d),
    ...createHealthHandlers(d),
    ...createBackupsHandlers(d),
  };
}
