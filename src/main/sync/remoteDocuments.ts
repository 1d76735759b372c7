import { ulid } from 'ulid';
import type { SyncFileError } from '../../shared/contract/sync';
import { readDocumentFile } from '../../shared/format/documentChecks';
import { parseDocument, type RepoDocument } from '../../shared/format/parseDocument';
import { isDocumentPath } from '../../shared/sync/repoLayout';
import { isLfsPointer, LFS_SKIP_REASON } from './gitLfs';
import type { SyncBase } from './syncStore';

/** A document file in the fetched tree. */
export interface RemoteEntry {
  id: string;
  path: string;
  oid: string;
  text: string;
  /** The parsed file; for a file unchanged since the last sync, parsed from the base on demand. */
  doc: RepoDocument;
  /** Unchanged since the last sync (same path, same blob). */
  unchanged: boolean;
  /** The file lacks its id (hand-made, or a copy): it is written back with one. */
  needsWriteBack: boolean;
  /** The file names no number (a hand-made file without ref): one is given. */
  numberless: boolean;
}

export interface RemoteDocuments {
  byId: Map<string, RemoteEntry>;
  errors: SyncFileError[];
  /** Files deliberately not read (stored in Git LFS): named once, not errors. */
  skipped: SyncFileError[];
  /** Documents whose file could not be read: left alone on both sides this time. */
  blockedIds: Set<string>;
}

/** The remote file of a document unchanged since its last sync: everything from its base, parsed only if asked. */
export function unchangedEntry(base: SyncBase): RemoteEntry {
  let doc: RepoDocument | undefined;
  return {
    id: base.docId,
    path: base.path,
    oid: base.oid,
    // Read only when a merge or a conflict needs it (SyncStore.bases() reads texts lazily too).
    get text(): string {
      return base.text;
    },
    get doc(): RepoDocument {
      if (!doc) {
        const r = parseDocument(base.path, base.text);
        if (!r.ok) throw new Error(`the last synced text of ${base.path} no longer parses: ${r.reason}`);
        doc = { ...r.doc, id: base.docId };
      }
      return doc;
    },
    unchanged: true,
    needsWriteBack: false,
    numberless: false,
  };
}

/** Whether the front matter names a number itself (ref: or number:), rather than the file name hinting at one. */
function namesNumber(text: string): boolean {
  const end = text.indexOf('\n---', 3);
  return /^(ref|number)\s*:/m.test(end > 0 ? text.slice(0, end) : text);
}

/**
 * Reads the document files of a fetched tree. A file unchanged since the
 * last sync is not read again. A file that cannot be parsed, or that the
 * API or an import would refuse (readDocumentFile: size, title, body,
 * number, fields), becomes an error by path (its document is left alone);
 * a Git LFS pointer is skipped and named; a file without an id gets one
 * (the id of the document last synced at that path, else a new ULID), and
 * a second file claiming an id already taken (a copy) becomes a new document.
 */
export async function readRemoteDocuments(
  files: ReadonlyMap<string, string>,
  bases: ReadonlyMap<string, SyncBase>,
  read: (oid: string) => Promise<string>,
  onProgress: (done: number, total: number) => void,
): Promise<RemoteDocuments> {
  const basesByPath = new Map([...bases.values()].map((b) => [b.path, b]));
  const paths = [...files.keys()].filter(isDocumentPath).sort();
  const errors: SyncFileError[] = [];
  const skipped: SyncFileError[] = [];
  const blockedIds = new Set<string>();
  const byId = new Map<string, RemoteEntry>();
  const fresh: { path: string; oid: string; text: string; doc: RepoDocument; numberless: boolean }[] = [];
  let done = 0;
  for (const path of paths) {
    const oid = files.get(path)!;
    const base = basesByPath.get(path);
    if (base && base.oid === oid) {
      // Unchanged since the last sync: its id is known, and it is parsed only if a merge needs it.
      byId.set(base.docId, unchangedEntry(base));
      onProgress(++done, paths.length);
      continue;
    }
    const text = await read(oid);
    onProgress(++done, paths.length);
    if (isLfsPointer(text)) {
      skipped.push({ path, reason: LFS_SKIP_REASON });
      if (base) blockedIds.add(base.docId);
      continue;
    }
    const r = readDocumentFile(path, text);
    if (!r.ok) {
      errors.push({ path, reason: r.reason });
      if (base) blockedIds.add(base.docId);
      continue;
    }
    const numberless = r.doc.kind === 'postmortem' && !namesNumber(text);
    fresh.push({ path, oid, text, doc: numberless ? { ...r.doc, number: null } : r.doc, numberless: numberless || r.doc.number === null });
  }

  const claimed = new Set(fresh.map((p) => p.doc.id).filter((id): id is string => id !== null));
  // A file at its last-synced path keeps its id over a copy elsewhere.
  const atOwnPath = (p: (typeof fresh)[number]): number => Number(basesByPath.get(p.path)?.docId === p.doc.id);
  for (const p of [...fresh].sort((a, b) => atOwnPath(b) - atOwnPath(a))) {
    let id = p.doc.id;
    let needsWriteBack = false;
    if (id === null) {
      const atPath = basesByPath.get(p.path)?.docId;
      id = atPath && !claimed.has(atPath) && !byId.has(atPath) ? atPath : ulid();
      needsWriteBack = true;
    } else if (byId.has(id)) {
      id = ulid();
      needsWriteBack = true;
    }
    byId.set(id, { id, path: p.path, oid: p.oid, text: p.text, doc: { ...p.doc, id }, unchanged: false, needsWriteBack, numberless: p.numberless });
  }
  return { byId, errors, skipped, blockedIds };
}
