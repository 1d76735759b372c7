import type { ObjectBatch } from './gitObjects';
import { GitRepo } from './gitRepo';

/**
 * The files one sync writes to the team repository, staged into its object
 * batch as the record sets plan them: each text is hashed and compressed
 * once, there and then, and not kept. A first publish of 10,000 documents
 * then never holds all their texts at once (docs/performance.md, figure 8);
 * what a later step needs (a sync base's text) is read back from the batch.
 */
export class StagedFiles {
  private readonly changed = new Map<string, string | null>();

  constructor(private readonly batch: ObjectBatch) {}

  /** Stages a file's new text; returns its blob id. Top-level files stay loose objects (every sync reads them). */
  write(path: string, text: string): string {
    const oid = GitRepo.stageText(this.batch, text, !path.includes('/'));
    this.changed.set(path, oid);
    return oid;
  }

  /** The file is deleted from the repository. */
  remove(path: string): void {
    this.changed.set(path, null);
  }

  /** The text of a blob staged in this sync. */
  text(oid: string): string {
    return this.batch.text(oid);
  }

  /** path -> blob id, or null to delete; a later write to a path replaces an earlier one. */
  get changes(): ReadonlyMap<string, string | null> {
    return this.changed;
  }
}
