/**
 * The one MDX pipeline: used by vite.config.ts (the app build) and by
 * scripts/check-content.ts (which compiles every lesson to prove it compiles).
 * Build-time only: nothing here ships to the browser.
 */
import type { CompileOptions } from '@mdx-js/mdx'
import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype'
import rehypeSlug from 'rehype-slug'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdxFrontmatter from 'remark-mdx-frontmatter'
import { rehypeCodeHtml } from './rehype-code-html.ts'

/** Fence languages lessons may use (Shiki loads only these, which keeps builds fast). */
export const CODE_LANGUAGES = [
  'javascript',
  'typescript',
  'jsx',
  'tsx',
  'json',
  'yaml',
  'bash',
  'shellscript',
  'diff',
  'ini',
] as const

/** Aliases accepted in fences, mapped to a loaded language. */
export const CODE_LANGUAGE_ALIASES: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  yml: 'yaml',
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  txt: 'text',
  plaintext: 'text',
}

export function isKnownCodeLanguage(lang: string): boolean {
  return lang === 'text' || (CODE_LANGUAGES as readonly string[]).includes(lang) || lang in CODE_LANGUAGE_ALIASES
}

const shikiOptions: RehypeShikiOptions = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  // No default colour: every token carries --shiki-light / --shiki-dark and the
  // stylesheet picks one from the active theme, so no runtime JS is needed.
  defaultColor: false,
  langs: [...CODE_LANGUAGES],
  langAlias: CODE_LANGUAGE_ALIASES,
  fallbackLanguage: 'text',
  defaultLanguage: 'text',
  addLanguageClass: true,
}

type PluginList = NonNullable<CompileOptions['remarkPlugins']>

export function mdxCompileOptions(
  extra: { remarkPlugins?: PluginList; rehypePlugins?: PluginList } = {},
): CompileOptions {
  return {
    providerImportSource: '@mdx-js/react',
    remarkPlugins: [
      remarkFrontmatter,
      [remarkMdxFrontmatter, { name: 'frontmatter' }],
      remarkGfm,
      ...(extra.remarkPlugins ?? []),
    ],
    rehypePlugins: [rehypeSlug, [rehypeShiki, shikiOptions], rehypeCodeHtml, ...(extra.rehypePlugins ?? [])],
  }
}
