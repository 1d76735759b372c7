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

/** Settings Electronegativity misses; refused anywhere in the code. */
export const insecureElectronSettings = [
  { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration must stay off.' },
  { selector: "Property[key.name='nodeIntegrationInWorker'][value.value=true]", message: 'nodeIntegrationInWorker must stay off.' },
  { selector: "Property[key.name='nodeIntegrationInSubFrames'][value.value=true]", message: 'nodeIntegrationInSubFrames must stay off.' },
  { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation must stay on.' },
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'sandbox must stay on.' },
  { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on.' },
  { selector: "Property[key.name='webviewTag'][value.value=true]", message: 'webviewTag must stay off.' },
  { selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]", message: 'allowRunningInsecureContent must stay off.' },
];
