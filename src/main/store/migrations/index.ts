import { m001Init } from './001_init';
import { m002Search } from './002_search';
import { m003VersionsLinks } from './003_versions_links';
import { m004Sync } from './004_sync';
import { m005Reviews } from './005_reviews';
import { m006ReviewSync } from './006_review_sync';
import { m007SyncHeads } from './007_sync_heads';
import { m008SearchDirty } from './008_search_dirty';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m001Init, m002Search, m003VersionsLinks, m004Sync, m005Reviews, m006ReviewSync, m007SyncHeads, m008SearchDirty];
