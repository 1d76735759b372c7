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
  'identity:set': {
    input: PersonSchema.strict(),
    output: PersonSchema,
  },
} as const;
