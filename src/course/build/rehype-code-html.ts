/**
 * Build-time only. Runs after Shiki: turns each highlighted `<pre>` into
 * `<CodeBlock lang="…" html="…"/>`, where `html` is the finished markup as one string.
 *
 * Why: left as hast, every highlighted token becomes its own `jsx('span', {style: …})`
 * call in the lesson's JavaScript chunk, which made code-heavy lessons several times
 * larger than their text. One string per block compresses far better and costs no
 * runtime highlighting either way.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'

interface MdxJsxAttribute {
  type: 'mdxJsxAttribute'
  name: string
  value: string
}

function languageOf(pre: Element): string {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
  const raw = [code?.properties?.className, code?.properties?.class, pre.properties?.className, pre.properties?.class]
  const classes = raw.flat().flatMap((c) => (typeof c === 'string' ? c.split(/\s+/) : []))
  for (const c of classes) {
    const m = /^language-([\w-]+)$/.exec(c)
    if (m) return m[1]
  }
  return 'text'
}

export function rehypeCodeHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return
      const attributes: MdxJsxAttribute[] = [
        { type: 'mdxJsxAttribute', name: 'lang', value: languageOf(node) },
        { type: 'mdxJsxAttribute', name: 'html', value: toHtml(node) },
      ]
      const replacement = {
        type: 'mdxJsxFlowElement',
        name: 'CodeBlock',
        attributes,
        children: [],
      } as unknown as ElementContent
      parent.children[index] = replacement
      return 'skip'
    })
  }
}
