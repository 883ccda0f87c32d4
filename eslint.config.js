import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Who may import whom. Only src/main.ts and src/cli wire the edges (HTTP, bot, seed data) together. */
const SERVICES = ['./src/!(domain|http|cli|seed)/**', './src/!(main).ts'];
const LAYERS = [
  {
    target: './src/domain',
    from: './',
    except: ['./src/domain', './node_modules'],
    message: 'The domain is pure: it imports only other domain modules and libraries.',
  },
  {
    target: SERVICES,
    from: ['./src/http/**', './bot/**', './src/seed/**'],
    message: 'Services know nothing of HTTP, the bot or the demo data; throw a domain error (src/errors.ts) instead.',
  },
  {
    target: './src/http',
    from: ['./bot', './src/seed'],
    message: 'The HTTP edge does not know the bot or the demo data; src/main.ts wires them together.',
  },
  {
    target: './bot',
    from: ['./src/http', './src/seed'],
    message: 'The bot does not know the HTTP edge or the demo data; src/main.ts wires them together.',
  },
  {
    target: './tab/src',
    from: './',
    except: ['./tab', './src', './node_modules'],
    message: 'The tab is built for the browser from tab/ and the server side it may share (src/).',
  },
];

/**
 * The tab runs the server's domain rules (src/domain) and reads the API's answers in the types the
 * server declares (type-only imports, erased from the bundle); nothing else of the server's.
 * Import paths are relative, so the rule is written once per folder depth under tab/src.
 */
const TAB_SHARES = [1, 2, 3, 4].map((depth) => ({
  files: [`tab/src/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./){${depth + 1}}(src/(?!domain/)|bot/)`,
            allowTypeImports: true,
            message: 'The tab imports only src/domain from the server (types of API answers with `import type`).',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'tab/dist/', 'appPackage/build/', 'data/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  // The layers (README, "Architecture"): a violating import fails `npm run lint`, so `npm test`.
  {
    files: ['src/**/*.ts', 'bot/**/*.ts', 'tab/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: LAYERS }] },
  },
  {
    files: ['src/**/*.ts', 'bot/**/*.ts', 'tab/src/**/*.{ts,tsx}'],
    ignores: ['bot/botbuilder-adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(botbuilder($|-)|botframework-)',
              message: 'Only bot/botbuilder-adapter.ts uses the Bot Framework SDK; use the types in bot/activity.ts.',
            },
          ],
        },
      ],
    },
  },
  ...TAB_SHARES,
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
