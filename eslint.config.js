// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { boundaryRules, insecureElectronSettings } from './scripts/eslint-boundaries.js';
import { designdeskPlugin } from './scripts/eslint-no-effect-fetch.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench/results/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...insecureElectronSettings],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Views load data through useQuery (docs/adr/0034), the one place that calls the client from an effect.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/api/**'],
    plugins: { designdesk: designdeskPlugin },
    rules: { 'designdesk/no-effect-fetch': 'error' },
  },
  ...boundaryRules,
);
