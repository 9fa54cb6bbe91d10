// ESLint for the whole repository (the root eslint.config.js re-exports this file). It lives in the tools
// package because typescript-eslint needs TypeScript < 6.1 and the repository type-checks with TypeScript 7:
// npm nests typescript-eslint and its TypeScript 5.9 under packages/tools/node_modules.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { boundaryConfigs } from './boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'uploads/**',
      'packages/tools/data/**',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      // A relative path into another package's files skips its public entry and the boundary rules below.
      'import-x/no-relative-packages': 'error',
      // tsc (noUnusedLocals) already reports unused names; `_`-prefixed parameters are intentional.
      // `declare global { namespace Express {...} }` is how express's Request is extended.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  ...boundaryConfigs,
);
