import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenWebContents, isPermissionAllowed, lockSessionPermissions, safeExternalUrl } from '../../../src/main/electron/navigation';

describe('safeExternalUrl', () => {
  it('passes http, https and mailto, normalized', () => {
    expect(safeExternalUrl('https://github.com/org/repo/pull/1')).toBe('https://github.com/org/repo/pull/1');
    expect(safeExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
    expect(safeExternalUrl('  https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeExternalUrl('mailto:lead@example.com?subject=RFC')).toBe('mailto:lead@example.com?subject=RFC');
  });

  it('refuses script, file, data and every other scheme, however spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      '\tjavascript:alert(1)',
      'java\nscript:alert(1)',
      'file:///etc/passwd',
      'FILE://C:/Windows/System32/calc.exe',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://designdesk/index.html',
      'chrome://settings',
      'about:blank',
      'ftp://example.com/x',
    ]) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });

  it('refuses malformed URLs, hostless web URLs and embedded credentials', () => {
    for (const url of ['', 'not a url', '//example.com', 'https://', 'http:/', 'https://bank.example@evil.example/', 'https://u:p@example.com/']) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });
});

describe('permissions', () => {
  it('deny by default, allow only clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://designdesk/')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://designdesk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(p, 'app://designdesk/'), p).toBe(false);
    }
  });

  it('are wired into the session request, check and device handlers', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    lockSessionPermissions(session as never);
    const answers: boolean[] = [];
    const request = handlers.request as unknown as (c: unknown, p: string, cb: (b: boolean) => void, d: { requestingUrl: string }) => void;
    request(null, 'media', (b) => answers.push(b), { requestingUrl: 'app://designdesk/index.html' });
    request(null, 'clipboard-sanitized-write', (b) => answers.push(b), { requestingUrl: 'app://designdesk/index.html' });
    expect(answers).toEqual([false, true]);
    const check = handlers.check as unknown as (c: unknown, p: string, origin: string) => boolean;
    expect(check(null, 'geolocation', 'app://designdesk')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  windowOpen?: (d: { url: string }) => { action: string };
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpen = h;
  }
}

function navEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, prevented: false, preventDefault() { this.prevented = true; } };
}

describe('hardenWebContents', () => {
  function setup() {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, async (url) => void opened.push(url));
    return { contents, opened };
  }

  it('keeps in-app navigation, blocks the rest and opens only safe links outside', () => {
    const { contents, opened } = setup();
    const inApp = navEvent('app://designdesk/index.html#/rfcs');
    contents.emit('will-navigate', inApp);
    expect(inApp.prevented).toBe(false);
    for (const url of ['https://example.com/rfc', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x']) {
      const e = navEvent(url);
      contents.emit('will-navigate', e);
      expect(e.prevented, url).toBe(true);
    }
    expect(opened).toEqual(['https://example.com/rfc']);
  });

  it('blocks sub-frame navigation away from the app', () => {
    const { contents } = setup();
    const sub = navEvent('https://example.com/', false);
    contents.emit('will-frame-navigate', sub);
    expect(sub.prevented).toBe(true);
    const main = navEvent('https://example.com/', true);
    contents.emit('will-frame-navigate', main); // will-navigate handles the main frame
    expect(main.prevented).toBe(false);
  });

  it('denies every new window and <webview>', () => {
    const { contents, opened } = setup();
    expect(contents.windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpen?.({ url: 'app://designdesk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpen?.({ url: ' JaVaScRiPt:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
    const attach = navEvent('');
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });
});
