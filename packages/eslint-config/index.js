// One lint policy for every package: JavaScript and TypeScript recommended
// rules, Astro components, and a hard line-length ceiling. Formatting itself
// belongs to Prettier (./prettier.js); ESLint does not fight it.
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Generated or built files that nobody edits by hand. */
export const IGNORED = [
  '**/node_modules/**',
  '**/dist/**',
  '**/dist-*/**',
  '**/.astro/**',
  '**/.next/**',
  '**/.turbo/**',
  '**/.tools/**',
  '**/.releases/**',
  '**/.snapshots/**',
  '**/next-env.d.ts',
  '**/payload-types.ts',
  '**/importMap.js',
  '**/migrations/*.json',
]

export default defineConfig({ ignores: IGNORED }, js.configs.recommended, tseslint.configs.recommended, astro.configs.recommended, {
  languageOptions: { globals: { ...globals.node, ...globals.browser } },
  linterOptions: { reportUnusedDisableDirectives: 'error' },
  rules: {
    // Prettier wraps at 140; only strings and URLs may run longer, never past 160.
    'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }],
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    eqeqeq: ['error', 'smart'],
    'no-console': 'off',
  },
})
