import { z } from 'zod';

export const PublishProgressSchema = z.object({
  running: z.boolean(),
  phase: z.enum(['idle', 'reading', 'pages', 'index', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PublishProgressView = z.infer<typeof PublishProgressSchema>;

export const PublishResultSchema = z.object({
  dir: z.string(),
  /** The site's front page, to open in a browser. */
  index: z.string(),
  documents: z.number().int().nonnegative(),
  rendered: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** The static site of the workspace (docs/publish.md); the same as `designdesk publish DIR`. */
export const siteContract = {
  /** Builds the site into `dir` (an absolute folder path) off the window's thread. Long: poll site:status for progress meanwhile. */
  'site:publish': {
    input: z
      .object({
        dir: z.string().trim().min(1, 'give the folder to publish to').max(4096),
        title: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: PublishResultSchema,
  },
  'site:status': {
    input: z.object({}).strict(),
    output: PublishProgressSchema,
  },
} as const;
