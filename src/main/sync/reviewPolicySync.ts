import type { SyncChange } from '../../shared/contract/sync';
import { KINDS, type DocKind } from '../../shared/kinds/kinds';
import type { ReviewPolicy } from '../../shared/reviews/schemas';
import { stableJson } from '../../shared/sync/mergeDocument';
import { CONFIG_FILE, configFileText, readConfigReviewPolicy } from '../../shared/sync/repoLayout';
import { readReviewPolicy, REVIEW_POLICY_KEY } from '../services/reviewLog';
import type { SettingsStore } from '../store/settingsStore';
import type { RecordSet } from './syncEngine';

/** "at least 2 approvals for RFCs" or "every required reviewer approves". */
function describePolicy(policy: ReviewPolicy): string {
  const parts = (Object.entries(policy.minApprovals) as [DocKind, number | undefined][])
    .filter(([, n]) => n !== undefined && n > 0)
    .map(([k, n]) => `at least ${n} ${n === 1 ? 'approval' : 'approvals'} for ${KINDS[k].plural}`);
  return parts.length ? `review policy: ${parts.join(', ')}` : 'review policy: every required reviewer approves';
}

/**
 * The review policy of the team repository (designdesk.yml `reviewPolicy`)
 * as a record set: the repository decides, so every sync reads it into the
 * workspace's setting; an empty repository gets the workspace's setting on
 * the first sync (this plan's designdesk.yml replaces the engine's default
 * one). A policy that cannot be read is reported and the setting kept.
 */
export function reviewPolicyRecordSet(settings: SettingsStore): RecordSet {
  return {
    name: 'review policy',
    folders: [],
    async plan(snapshot, _progress, files) {
      const none = { changes: [] as SyncChange[], conflicts: 0, errors: [], apply: () => undefined };
      const oid = snapshot.files.get(CONFIG_FILE);
      if (!oid) {
        files.write(CONFIG_FILE, configFileText(readReviewPolicy(settings)));
        return none;
      }
      const read = readConfigReviewPolicy(await snapshot.read(oid));
      if (!read.ok) return { ...none, errors: [{ path: CONFIG_FILE, reason: read.reason }] };
      const policy = read.policy;
      if (stableJson(policy) === stableJson(readReviewPolicy(settings))) return none;
      return {
        ...none,
        changes: [{ direction: 'in', action: 'updated', ref: CONFIG_FILE, title: describePolicy(policy), path: CONFIG_FILE }],
        apply: () => settings.set(REVIEW_POLICY_KEY, policy),
      };
    },
  };
}
