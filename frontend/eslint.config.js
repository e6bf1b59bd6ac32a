// ESLint for the SPA (flat config): typescript-eslint with type information for src, React's
// hook rules, jsx-a11y, and the boundaries between features (a feature imports from
// components/ and lib/, never from another feature; app/ wires the features together).
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['access', 'auth', 'catalogue', 'intake', 'quality', 'welfaretech'];

/** One zone per feature: nothing in `features/<x>/` may import from another feature. */
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'A feature imports from components/ and lib/, never from another feature; app/ wires them.',
}));

/** The shared layers stand below the features: components/ and lib/ import no feature. */
const sharedZones = ['./src/components', './src/lib'].map((target) => ({
  target,
  from: './src/features',
  message: 'components/ and lib/ are shared by every feature and import none of them.',
}));

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'e2e/artifacts/', 'src/lib/api/*.d.ts', 'coverage/'],
  },
  js.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts', 'vitest.setup.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An event handler may start a promise it does not wait for (`void refetch()` is the habit).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'import/no-restricted-paths': ['error', { zones: [...featureZones, ...sharedZones] }],
      'import/no-cycle': ['error', { maxDepth: 3 }],
      'import/no-duplicates': 'error',
      // A scrolling table sits in a focusable role="region", so keyboard users can scroll it (axe's scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'vitest.setup.ts'],
    rules: {
      // Test doubles and fetch mocks read loosely typed bodies.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // fetch mocks are async by signature, whether or not they wait for anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
