// ESLint: a small config. Prettier owns the layout; ESLint catches mistakes.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'src/lambda/sandbox/prelude/generated.ts',
      'src/lambda/runtime/bootstrap/generated.ts',
      'src/lambda/sdk/generated/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // The runtime matches and strips control characters on purpose (NUL, ESC, C1).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests poke at loosely typed shapes (events, dumped sandbox values).
    files: ['**/*.test.ts', '**/__tests__/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Code that runs inside QuickJS: only ECMAScript globals exist there.
    files: ['src/lambda/sandbox/prelude/src/**/*.js', 'src/lambda/runtime/**/*.js', 'src/lambda/sdk/runtime/**/*.js'],
    languageOptions: { globals: { ...globals.es2021, globalThis: 'readonly' } },
  },
  {
    files: ['**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
)
