import type { Person } from '../../shared/document';
import { ApprovalGuard } from '../services/approvalGuard';
import { LinkService } from '../services/linkService';
import { VersionRecorder } from '../services/versionService';
import { DocumentStore } from '../store/documentStore';
import type { Db } from '../store/openDatabase';
import { ReviewStore } from '../store/reviewStore';
import { SettingsStore } from '../store/settingsStore';
import { documentRecordSet } from './documentRecordSet';
import { reviewPolicyRecordSet } from './reviewPolicySync';
import { reviewRecordSet } from './reviewRecordSet';
import { ReviewSyncStore } from './reviewSyncStore';
import { severityRecordSet } from './severitySync';
import type { RecordSet } from './syncEngine';
import { SyncStore } from './syncStore';
import { templatesRecordSet } from './templateSync';

/** The record sets beside the documents (review records, the review policy, the severity scale, the team's templates): one list for createApp and the sync worker. */
export function extraRecordSets(db: Db, documents: DocumentStore, reviews: ReviewStore, settings: SettingsStore, now: () => Date): RecordSet[] {
  return [reviewRecordSet({ store: new ReviewSyncStore(db), reviews, documents, now }), reviewPolicyRecordSet(settings), severityRecordSet(settings), templatesRecordSet(settings)];
}

/**
 * Every record set a sync merges, composed on one database connection with
 * the same document hooks (versions, links) createApp gives SyncService.
 * The sync worker builds them on its own connection.
 */
export function syncRecordSets(db: Db, identity: () => Person, now: () => Date): RecordSet[] {
  const documents = new DocumentStore(db);
  const ctx = { now, identity };
  const reviews = new ReviewStore(db);
  const settings = new SettingsStore(db);
  const recorder = new VersionRecorder(documents, ctx);
  // The same hooks as createApp's sync: versions, links, and stale approvals dismissed by a change that arrives.
  const hooks = [recorder, new LinkService(documents), new ApprovalGuard(documents, reviews, settings, ctx, (doc) => recorder.keep(doc))];
  return [documentRecordSet({ sync: new SyncStore(db), documents, hooks, identity, now }), ...extraRecordSets(db, documents, reviews, settings, now)];
}
