import { z } from 'zod';
import { DocIdSchema } from '../document';
import { DocKindSchema } from '../kinds/kinds';

export const MAX_SAMPLE_DOCUMENTS = 20;

export const OnboardingStateSchema = z.object({
  /**
   * Show the first-run guide: the host offers it (the desktop app and
   * `npm run web` do; tests and the CLI do not), it was never finished, no
   * identity was ever stored, and the workspace has no document, live or in
   * the trash.
   */
  firstRun: z.boolean(),
  onboarded: z.boolean(),
  /** An identity was stored with identity:set (otherwise git config's is used). */
  identitySet: z.boolean(),
  /** The guided sample documents that still exist (not in the trash). */
  sampleIds: z.array(DocIdSchema),
});
export type OnboardingState = z.infer<typeof OnboardingStateSchema>;

export const RemovedSampleSchema = z.object({ id: DocIdSchema, kind: DocKindSchema, number: z.number().int().positive(), title: z.string() });

/** The first-run guide and its sample documents. */
export const onboardingContract = {
  'onboarding:state': {
    input: z.object({}).strict(),
    output: OnboardingStateSchema,
  },
  /** Marks the guide done for this workspace; it never shows again. */
  'onboarding:finish': {
    input: z.object({}).strict(),
    output: OnboardingStateSchema,
  },
  /** Remembers which documents are the guided samples (created with docs:create), so they can be removed in one go. */
  'onboarding:rememberSamples': {
    input: z.object({ ids: z.array(DocIdSchema).max(MAX_SAMPLE_DOCUMENTS) }).strict(),
    output: OnboardingStateSchema,
  },
  /** Moves every sample document that still exists to the trash (docs:restore undoes it one by one). */
  'onboarding:removeSamples': {
    input: z.object({}).strict(),
    output: z.object({ removed: z.array(RemovedSampleSchema) }),
  },
} as const;
