import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The guard behind ADR 0034 (scripts/eslint-no-effect-fetch.js, wired in
// eslint.config.js): a view that calls the API client inside an effect of its
// own, directly or through a local function, fails lint. Probes are linted in
// memory through the project's real configuration; nothing is written to src/.

const VIEW = 'src/renderer/components/Probe.tsx';
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export {};\n', { filePath: VIEW });
}, 120_000);

async function problems(code: string, filePath = VIEW): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'the probe parses').toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'designdesk/no-effect-fetch').map((m) => m.message);
}

const HEAD = `import { useCallback, useEffect, useState } from 'react';\nimport { call } from '../api/client';\nimport { useQuery } from '../api/useQuery';\n`;

describe('the no-effect-fetch lint rule', () => {
  it('refuses the API client called inside useEffect (the old hand-made "live" flag)', async () => {
    const code = `${HEAD}export function Trash() {
  const [list, setList] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    call('trash:list', {}).then((l) => live && setList(l));
    return () => { live = false; };
  }, []);
  return list;
}\n`;
    expect(await problems(code)).toEqual([expect.stringMatching(/Load data through useQuery .* not by calling the API client inside useEffect/)]);
  });

  it('refuses a load function the effect runs, through useCallback and through another local function', async () => {
    const code = `${HEAD}export function Health() {
  const [r, setR] = useState<unknown>(null);
  const fetchIt = async () => setR(await call('health:seen', {}));
  const load = useCallback(async () => { await fetchIt(); }, []);
  useEffect(() => { void load(); }, [load]);
  return r;
}\n`;
    expect(await problems(code)).toEqual([expect.stringMatching(/useEffect runs 'load', which calls the API client/)]);
  });

  it('refuses a poll inside the effect, an aliased import and React.useLayoutEffect', async () => {
    const code = `import * as React from 'react';\nimport { call as api } from '../api/client';\nexport function Poll({ busy }: { busy: boolean }) {
  React.useLayoutEffect(() => {
    if (!busy) return;
    const t = setInterval(() => { void api('site:status', {}); }, 300);
    return () => clearInterval(t);
  }, [busy]);
  return null;
}\n`;
    expect(await problems(code)).toEqual([expect.stringMatching(/inside useLayoutEffect/)]);
  });

  it('accepts useQuery, mutations in event handlers, store actions and effects that do not reach the client', async () => {
    const code = `${HEAD}export function Fine({ id, save }: { id: string; save: () => Promise<void> }) {
  const { data, reload } = useQuery(\`trash:list:\${id}\`, () => call('trash:list', {}));
  const restore = async () => { await call('docs:restore', { id }); reload(); };
  useEffect(() => { void save(); document.title = String(data); }, [data, save]);
  return <button onClick={() => void restore()}>Restore</button>;
}\n`;
    expect(await problems(code)).toEqual([]);
  });

  it('covers every file of the renderer except the API folder, where useQuery itself lives', async () => {
    const code = `import { useEffect } from 'react';\nimport { call } from './api/client';\nexport function useBoot() { useEffect(() => { void call('app:info', {}); }, []); }\n`;
    expect(await problems(code, 'src/renderer/useBoot.ts')).toHaveLength(1);
    const inApi = `import { useEffect } from 'react';\nimport { call } from './client';\nexport function useRaw() { useEffect(() => { void call('app:info', {}); }, []); }\n`;
    expect(await problems(inApi, 'src/renderer/api/useRaw.ts')).toEqual([]);
  });
});
