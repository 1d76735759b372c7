import type { Document } from '../../shared/document';
import { bodyHash } from '../../shared/reviews/bodyHash';
import { contentHash } from '../../shared/reviews/contentHash';
import type { ReviewerStatus } from '../../shared/reviews/view';
import type { VersionService } from './versionService';

/** How many versions back the text a reviewer reviewed is looked for. */
const MAX_VERSIONS_SEARCHED = 500;

export interface ReviewedText {
  /** When the reviewer gave their latest verdict. */
  reviewedAt: string;
  /** The body as it was then, or null when no kept version holds that text. */
  body: string | null;
  /** When that version was kept. */
  versionAt: string | null;
}

/**
 * The text a reviewer last gave a verdict on, found among the document's
 * kept versions (newest first) by its content hash (or body hash, for
 * verdicts written before content hashes). ApprovalGuard keeps a version of
 * any text a verdict stands on before it changes, so it is there unless the
 * versions were purged.
 */
export function findReviewedText(doc: Document, reviewer: ReviewerStatus, versions: VersionService): ReviewedText | null {
  const on = reviewer.reviewedOn;
  if (!on || reviewer.respondedAt === null) return null;
  const matches = (body: string, fields: Record<string, unknown>): boolean =>
    on.contentHash !== undefined ? contentHash({ kind: doc.kind, body, fields }) === on.contentHash : bodyHash(body) === on.bodyHash;
  if (matches(doc.body, doc.fields)) return { reviewedAt: reviewer.respondedAt, body: doc.body, versionAt: null };
  for (const summary of versions.list(doc.id).slice(0, MAX_VERSIONS_SEARCHED)) {
    const v = versions.get(doc.id, summary.id);
    if (matches(v.body, v.fields)) return { reviewedAt: reviewer.respondedAt, body: v.body, versionAt: v.at };
  }
  return { reviewedAt: reviewer.respondedAt, body: null, versionAt: null };
}
