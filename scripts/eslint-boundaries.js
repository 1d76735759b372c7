// The process boundaries of src/, checked by lint (see docs/adr/0001).
// src/shared: pure TypeScript. src/renderer: browser only, reaches main
// through the contract. Only src/main/electron may import 'electron'.

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib',
];
const NATIVE = ['better-sqlite3', 'isomorphic-git', 'isomorphic-git/*', 'electron', 'electron/*'];

/** @param {string} message */
const forbid = (patterns, message) => ({ group: patterns, message });

/**
 * The layers of src/main, lowest first (docs/adr/0001): a module imports its
 * own layer and the ones below, never one above. `log` is a leaf every layer
 * may use. The hosts are the composition root (app.ts), the workspace and
 * lock helpers, and the three ways in: the command line, the web host and the
 * Electron shell.
 */
export const MAIN_LAYERS = [
  { name: 'store', folders: ['store'] },
  { name: 'services', folders: ['services'] },
  { name: 'sync, import/export and publish', folders: ['sync', 'importExport', 'publish'] },
  { name: 'api', folders: ['api'] },
  { name: 'hosts', folders: ['cli', 'web', 'electron'], files: ['app', 'workspace', 'workspaceLock'] },
];

/** An import string that reaches a src/main folder or root module from anywhere inside src/main. */
const reachesMain = (names) => `^(\\./|(\\.\\./)+)(${names.join('|')})(/|$)`;

function mainLayerRules() {
  const base = [
    forbid(['**/renderer/**'], 'src/main never imports the renderer.'),
  ];
  const electron = forbid(['electron', 'electron/*'], "Only the shell in src/main/electron imports 'electron'; services take their dependencies as arguments.");
  return MAIN_LAYERS.flatMap((layer, i) => {
    const above = MAIN_LAYERS.slice(i + 1);
    const names = above.flatMap((l) => [...l.folders, ...(l.files ?? [])]);
    const patterns = [...base];
    if (names.length) {
      patterns.push({
        regex: reachesMain(names),
        message: `src/main is layered ${MAIN_LAYERS.map((l) => l.name).join(' < ')}: ${layer.name} does not import ${above.map((l) => l.name).join(', ')}.`,
      });
    }
    const files = [...layer.folders.map((f) => `src/main/${f}/**/*.ts`), ...(layer.files ?? []).map((f) => `src/main/${f}.ts`)];
    return files.map((glob) => ({
      files: [glob],
      rules: { 'no-restricted-imports': ['error', { patterns: glob.startsWith('src/main/electron/') ? patterns : [...patterns, electron] }] },
    }));
  }).concat([{
    // Modules at the root of src/main or in folders no layer names yet still keep the shell's rule.
    files: ['src/main/*.ts', 'src/main/log/**/*.ts'],
    ignores: ['src/main/app.ts', 'src/main/workspace.ts', 'src/main/workspaceLock.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...base, electron] }] },
  }]);
}

export const boundaryRules = [
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid([...NODE_BUILTINS, ...NATIVE], 'src/shared is pure TypeScript: no Node, Electron or native modules.'),
          forbid(['react', 'react-dom', 'react/*', 'react-dom/*', '@uiw/*'], 'src/shared has no UI.'),
          forbid(['**/main/**', '**/renderer/**', '../main', '../renderer'], 'src/shared imports nothing from main or renderer.'),
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid([...NODE_BUILTINS, ...NATIVE], 'The renderer has no Node: go through the API client.'),
          forbid(['**/main/**', '../main', '../../main'], 'The renderer reaches src/main only through the contract (src/renderer/api/client.ts).'),
        ],
      }],
    },
  },
  ...mainLayerRules(),
];

/** Electron settings whose only accepted value is the safe literal (a variable, `!0` or a quoted key would hide a change). */
const SAFE_VALUES = {
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableRemoteModule: false,
  contextIsolation: true,
  sandbox: true,
  webSecurity: true,
};

/** Settings that may not appear at all. */
const FORBIDDEN_KEYS = ['enableBlinkFeatures'];

/** A non-computed object key spelled `name` or `'name'`. */
const keyIs = (name) => `[computed=false]:matches([key.name='${name}'], [key.value='${name}'])`;

/**
 * Settings Electronegativity misses, refused anywhere in the code (tested in
 * tests/unit/electron/insecureSettingsLint.test.ts): a property with one of
 * these names must carry the safe literal itself.
 */
export const insecureElectronSettings = [
  ...Object.entries(SAFE_VALUES).map(([name, safe]) => ({
    selector: `Property${keyIs(name)}:not([value.type='Literal'][value.value=${safe}])`,
    message: `${name} must be the literal ${safe} (see src/main/electron/webPreferences.ts).`,
  })),
  ...FORBIDDEN_KEYS.map((name) => ({ selector: `Property${keyIs(name)}`, message: `${name} must not be set.` })),
];
