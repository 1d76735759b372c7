// The process boundaries of src/, checked by lint (see docs/adr/0001).
// src/shared: pure TypeScript. src/renderer: browser only, reaches main
// through the contract. Only src/main/electron may import 'electron'.

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib',
];
const NATIVE = ['better-sqlite3', 'isomorphic-git', 'isomorphic-git/*', 'electron', 'electron/*'];

/** @param {string} message */
const forbid = (patterns, message) => ({ group: patterns, message });

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
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid(['electron', 'electron/*'], "Only the shell in src/main/electron imports 'electron'; services take their dependencies as arguments."),
          forbid(['**/renderer/**'], 'src/main never imports the renderer.'),
        ],
      }],
    },
  },
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
