import type { z } from 'zod';
import { actionsContract } from './actions';
import { adrsContract } from './adrs';
import { appContract } from './app';
import { backupsContract } from './backups';
import { desktopContract } from './desktop';
import { docsContract } from './docs';
import { healthContract } from './health';
import { linksContract } from './links';
import { onboardingContract } from './onboarding';
import { postmortemsContract } from './postmortems';
import { reviewsContract } from './reviews';
import { searchContract } from './search';
import { siteContract } from './site';
import { syncContract } from './sync';
import { trashContract } from './trash';
import { versionsContract } from './versions';

/**
 * Every call the renderer may make, in one table. The preload exposes one
 * method per key; main registers one handler per key; the web host serves
 * one route per key. Add an area by spreading its table here.
 */
export const contract = {
  ...appContract,
  ...docsContract,
  ...versionsContract,
  ...linksContract,
  ...searchContract,
  ...trashContract,
  ...syncContract,
  ...actionsContract,
  ...adrsContract,
  ...reviewsContract,
  ...onboardingContract,
  ...desktopContract,
  ...siteContract,
  ...postmortemsContract,
  ...healthContract,
  ...backupsContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
