import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../src/main/electron/appOrigin';

describe('isAppUrl', () => {
  it('accepts the app origin and its pages', () => {
    expect(APP_ORIGIN).toBe('app://designdesk');
    expect(APP_ENTRY_URL).toBe('app://designdesk/index.html');
    for (const url of ['app://designdesk', 'app://designdesk/', 'app://designdesk/index.html#/docs/1', 'app://DesignDesk/assets/a.js']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses other schemes, hosts, ports, credentials and garbage', () => {
    for (const url of [
      'app://designdesk.evil.example/',
      'app://evil/',
      'app://designdesk:8080/',
      'app://user@designdesk/',
      'app://u:p@designdesk/',
      'apps://designdesk/',
      'http://designdesk/',
      'file:///designdesk/index.html',
      'https://designdesk/',
      'null',
      '',
      'designdesk',
      'app:designdesk',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
