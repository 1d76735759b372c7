import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../../src/main/electron/deepLink';

const ULID = '01JD8X3Q4W5E6R7T8Y9V0A1B2C';

describe('parseDeepLink', () => {
  it('accepts designdesk://open/<display reference>, normalised', () => {
    expect(parseDeepLink('designdesk://open/RFC-12')).toEqual({ target: 'RFC-12' });
    expect(parseDeepLink('designdesk://open/rfc-12')).toEqual({ target: 'RFC-12' });
    expect(parseDeepLink('DesignDesk://open/ADR-0003/')).toEqual({ target: 'ADR-3' });
    expect(parseDeepLink('designdesk://open/DM-1')).toEqual({ target: 'DM-1' });
    expect(parseDeepLink('designdesk://open/PM-40')).toEqual({ target: 'PM-40' });
  });

  it('accepts designdesk://open/<ULID>, upper-cased', () => {
    expect(parseDeepLink(`designdesk://open/${ULID}`)).toEqual({ target: ULID });
    expect(parseDeepLink(`designdesk://open/${ULID.toLowerCase()}`)).toEqual({ target: ULID });
  });

  it('refuses everything else', () => {
    for (const url of [
      'designdesk://open/',
      'designdesk://open/RFC-0',
      'designdesk://open/RFC-12/extra',
      'designdesk://open/RFC-12?x=1',
      'designdesk://open/RFC-12#top',
      'designdesk://delete/RFC-12',
      'designdesk://user:pw@open/RFC-12',
      'designdesk://open:80/RFC-12',
      'designdesk://open/RFC%2D12',
      'designdesk://open/..%2F..%2Fetc',
      'designdesk://open/XYZ-1',
      `designdesk://open/${ULID}0`,
      'designdesk:open/RFC-12',
      'https://open/RFC-12',
      'file:///etc/passwd',
      `designdesk://open/${'A'.repeat(300)}`,
      '',
    ]) {
      expect(parseDeepLink(url), url).toBeNull();
    }
    expect(parseDeepLink(42 as unknown as string)).toBeNull();
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among the launch arguments (Windows and Linux pass it this way)', () => {
    expect(deepLinkFromArgv(['/opt/DesignDesk/designdesk', '--no-sandbox', 'designdesk://open/RFC-7'])).toEqual({ target: 'RFC-7' });
    expect(deepLinkFromArgv(['designdesk', '--workspace', '/tmp/ws'])).toBeNull();
    expect(deepLinkFromArgv(['designdesk', 'designdesk://evil/RFC-7', 'designdesk://open/ADR-2'])).toEqual({ target: 'ADR-2' });
  });
});
