import { m001Init } from './001_init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Init];
