import { useEffect, useState } from 'react';
import type { SeverityScaleInfo } from '../../../shared/contract/postmortems';
import { DEFAULT_SEVERITY_SCALE } from '../../../shared/kinds/postmortem';
import { call } from '../../api/client';

const DEFAULT_INFO: SeverityScaleInfo = { levels: [...DEFAULT_SEVERITY_SCALE], fromRepository: false };

/** The workspace's severity scale (the team repository's, or the default); the default until it has been read. */
export function useSeverityScale(): SeverityScaleInfo {
  const [info, setInfo] = useState<SeverityScaleInfo>(DEFAULT_INFO);
  useEffect(() => {
    let live = true;
    call('postmortems:severities', {})
      .then((i) => live && setInfo(i))
      .catch(() => undefined); // The default scale stays; the picker still keeps the document's own value.
    return () => {
      live = false;
    };
  }, []);
  return info;
}
