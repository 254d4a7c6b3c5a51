/**
 * Lab instructions and hints are Markdown strings. They are rendered with micromark (the parser
 * MDX itself uses), with GitHub tables; raw HTML in the Markdown is escaped, never injected.
 */
import { micromark } from 'micromark'
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table'

export function renderMarkdown(md: string): string {
  const html = micromark(md, {
    extensions: [gfmTable()],
    htmlExtensions: [gfmTableHtml()],
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
  })
  // Code blocks may scroll sideways: make them reachable from the keyboard.
  return html.replace(/<pre>/g, '<pre tabindex="0">')
}
