import type { SeverityScaleInfo } from '../../../shared/contract/postmortems';
import { DEFAULT_SEVERITY_SCALE } from '../../../shared/kinds/postmortem';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';

const DEFAULT_INFO: SeverityScaleInfo = { levels: [...DEFAULT_SEVERITY_SCALE], fromRepository: false };

/** The workspace's severity scale (the team repository's, or the default); the default until it has been read. */
export function useSeverityScale(): SeverityScaleInfo {
  // Until it is read, or when it cannot be, the default scale; the picker still keeps the document's own value.
  return useQuery('postmortems:severities', () => call('postmortems:severities', {})).data ?? DEFAULT_INFO;
}
