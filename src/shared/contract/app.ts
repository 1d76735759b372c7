import { z } from 'zod';
import { PersonSchema } from '../document';

export const appContract = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      workspace: z.string(),
      identity: PersonSchema,
      bridge: z.enum(['electron', 'web']),
    }),
  },
  /** Desktop only: renders the focused window to PDF and asks where to save it. The web host answers UNSUPPORTED. */
  'app:printToPdf': {
    input: z.object({ title: z.string().max(200) }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'identity:set': {
    input: PersonSchema.strict(),
    output: PersonSchema,
  },
  /** Identities used on this workspace lately, the current one first (two people sharing a laptop switch between them). */
  'identity:recent': {
    input: z.object({}).strict(),
    output: z.array(PersonSchema),
  },
} as const;
