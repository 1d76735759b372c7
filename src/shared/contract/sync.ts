import { z } from 'zod';
import { DocIdSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';

/** Remote URLs: http(s) only (isomorphic-git's transport), no credentials inside (they go in the auth fields). */
export const RemoteUrlSchema = z
  .string()
  .trim()
  .min(1, 'enter the repository URL')
  .max(2000)
  .refine((u) => /^https?:\/\/[^/\s]+/i.test(u), 'the URL must start with https:// (or http://), e.g. https://git.example.com/team/designs.git')
  .refine((u) => !/^https?:\/\/[^/@\s]*@/i.test(u), 'put the user name and password in the fields below, not in the URL');

export const BranchSchema = z
  .string()
  .trim()
  .min(1, 'enter a branch')
  .max(200)
  .regex(/^(?!\/|.*\/\/|.*\.\.|.*\.lock$|.*[/.]$)[A-Za-z0-9._/-]+$/, 'not a valid branch name');

/**
 * How to authenticate, as the renderer sends it. A secret left out keeps the
 * one already stored (the renderer never gets it back to resend).
 */
export const RemoteAuthInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(4096).optional() }).strict(),
  z.object({ kind: z.literal('basic'), username: z.string().trim().min(1, 'enter the user name').max(256), password: z.string().min(1).max(4096).optional() }).strict(),
]);
export type RemoteAuthInput = z.infer<typeof RemoteAuthInputSchema>;

export const RemoteInputSchema = z
  .object({
    url: RemoteUrlSchema,
    branch: BranchSchema,
    authorName: z.string().trim().min(1, 'enter the name commits are made as').max(200),
    authorEmail: z.string().trim().max(320),
    auth: RemoteAuthInputSchema,
  })
  .strict();
export type RemoteInput = z.infer<typeof RemoteInputSchema>;

/** The remote as the renderer sees it: never the secret, only whether one is stored. */
export const RemoteViewSchema = z.object({
  url: z.string(),
  branch: z.string(),
  authorName: z.string(),
  authorEmail: z.string(),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('token') }),
    z.object({ kind: z.literal('basic'), username: z.string() }),
  ]),
  hasSecret: z.boolean(),
  /** Shown next to the secret field when this system cannot really protect it. */
  secretWarning: z.string().nullable(),
  autoSyncMinutes: z.number().int().nonnegative(),
});
export type RemoteView = z.infer<typeof RemoteViewSchema>;

export const SYNC_PHASES = ['idle', 'fetching', 'merging', 'committing', 'pushing', 'cancelling'] as const;
export const SyncPhaseSchema = z.enum(SYNC_PHASES);
export type SyncPhase = z.infer<typeof SyncPhaseSchema>;

export const SyncCountsSchema = z.object({
  /** Documents looked at so far in this sync, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  in: z.number().int().nonnegative(),
  out: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
export type SyncCounts = z.infer<typeof SyncCountsSchema>;

export const SyncChangeSchema = z.object({
  direction: z.enum(['in', 'out']),
  action: z.enum(['added', 'updated', 'deleted', 'renumbered']),
  ref: z.string(),
  title: z.string(),
  path: z.string(),
});
export type SyncChange = z.infer<typeof SyncChangeSchema>;

export const SyncFileErrorSchema = z.object({ path: z.string(), reason: z.string() });
export type SyncFileError = z.infer<typeof SyncFileErrorSchema>;

export const SyncResultSchema = z.object({
  /** Documents taken in from the team repository (added, updated, deleted here). */
  in: z.number().int().nonnegative(),
  /** Documents sent to it. */
  out: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** Files that could not be read; the other documents synced anyway. */
  errors: z.array(SyncFileErrorSchema),
  /**
   * Entries of the team repository the sync deliberately does not read (a
   * `..` or `.git` name, a control character, a symlink, a submodule, a file
   * in Git LFS), each with the reason; the rest synced. Not errors: a sync
   * that only skips exits 0. Absent in results saved by older versions.
   */
  skipped: z.array(SyncFileErrorSchema).optional(),
  /** The commit pushed, or null when there was nothing to send. */
  commit: z.string().nullable(),
  changes: z.array(SyncChangeSchema),
  at: z.string(),
  /** Things the user should know that did not stop the sync (e.g. the server redirected the repository to a new URL). */
  warnings: z.array(z.string()).optional(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  running: z.boolean(),
  phase: SyncPhaseSchema,
  counts: SyncCountsSchema,
  /** Documents created, changed or deleted here and not pushed yet. */
  localChanges: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastResult: SyncResultSchema.nullable(),
  /** Why the last sync failed (offline, refused...); null when it succeeded. */
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
  autoSyncMinutes: z.number().int().nonnegative(),
  /** The server's latest `remote:` line while a sync runs (progress, a hook's output), sanitised; absent otherwise. */
  serverMessage: z.string().max(400).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const ConflictKindSchema = z.enum(['content', 'deleted-remotely']);

/** A document whose two versions collided: both are kept until the user picks or merges. */
export const SyncConflictSchema = z.object({
  id: DocIdSchema,
  kind: DocKindSchema,
  ref: z.string(),
  title: z.string(),
  conflict: ConflictKindSchema,
  path: z.string(),
  /** The fields both sides changed differently. */
  fields: z.array(z.string()),
  /** Whether both sides changed the same lines of the body. */
  body: z.boolean(),
  /** The file as this device has it now. */
  mine: z.string(),
  /** The file as the team repository has it; null when it was deleted there. */
  theirs: z.string().nullable(),
  /** The file as it was at the last sync (the merge base); null when this device never synced it. */
  base: z.string().nullable(),
  /** A starting point for a hand merge: clean changes applied, colliding lines of both sides between markers. */
  suggestion: z.string(),
  detectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const TestRemoteResultSchema = z.object({
  message: z.string(),
  empty: z.boolean(),
  branches: z.array(z.string()),
});

export const SyncRunInputSchema = z
  .object({
    /** Go ahead although the sync deletes many documents (the user confirmed the list the guard gave). */
    allowDeletes: z.boolean().optional(),
  })
  .strict();

/**
 * The `data` of the CONFLICT error (reason "deletions") a sync stops with
 * before deleting many documents: what it would delete, here ("in": to the
 * trash) and on the team branch ("out"). Nothing was changed; the same sync
 * with allowDeletes goes ahead.
 */
export const SyncDeletionsDataSchema = z.object({
  reason: z.literal('deletions'),
  deletions: z.array(SyncChangeSchema),
  /** Documents in the library (here or in the team repository, the larger). */
  library: z.number().int().nonnegative(),
});
export type SyncDeletionsData = z.infer<typeof SyncDeletionsDataSchema>;

/** Connecting the team repository, syncing with it, and resolving conflicts. */
export const syncContract = {
  'sync:getRemote': {
    input: z.object({}).strict(),
    output: RemoteViewSchema.nullable(),
  },
  'sync:setRemote': {
    input: RemoteInputSchema,
    output: RemoteViewSchema,
  },
  /** Tries the connection (with the stored secret when none is given); refuses with NETWORK, AUTH_FAILED or NOT_FOUND and a clear message. */
  'sync:testRemote': {
    input: RemoteInputSchema,
    output: TestRemoteResultSchema,
  },
  'sync:disconnect': {
    input: z.object({}).strict(),
    output: z.object({ disconnected: z.boolean() }),
  },
  'sync:setAutoSync': {
    input: z.object({ minutes: z.number().int().min(0).max(24 * 60) }).strict(),
    output: z.object({ autoSyncMinutes: z.number().int().nonnegative() }),
  },
  /** Fetch, merge, commit, push. Long: poll sync:status for progress meanwhile. */
  'sync:run': {
    input: SyncRunInputSchema,
    output: SyncResultSchema,
  },
  'sync:status': {
    input: z.object({}).strict(),
    output: SyncStatusSchema,
  },
  /** Stops the running sync at any point (nothing half-applied); resolves once it has stopped. `cancelled: false` when none was running. */
  'sync:cancel': {
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'sync:conflicts': {
    input: z.object({}).strict(),
    output: z.array(SyncConflictSchema),
  },
  /** Resolves a conflict; the next sync pushes the outcome. */
  'sync:resolve': {
    input: z
      .object({ id: DocIdSchema, take: z.enum(['mine', 'theirs', 'merged']), text: z.string().max(2_000_000).optional() })
      .strict()
      .refine((v) => v.take !== 'merged' || typeof v.text === 'string', { message: 'a merged resolution needs the merged text', path: ['text'] }),
    output: z.object({ id: DocIdSchema, trashed: z.boolean() }),
  },
} as const;
