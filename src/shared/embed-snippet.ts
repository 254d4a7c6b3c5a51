/**
 * The `<iframe>` code an instructor copies to embed a lab or a knowledge check (docs/embedding.md).
 * Shared: the check and the lab offer it (CopyEmbed.tsx); the embedding protocol is src/embed/protocol.ts.
 */
export type EmbedKind = 'lab' | 'check'

/** The `<iframe>` snippet an instructor copies. */
export function embedSnippet(kind: EmbedKind, id: string, pageUrl: string, title: string): string {
  const base = pageUrl.replace(/#.*$/, '')
  const height = kind === 'lab' ? 720 : 420
  const safeTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return `<iframe src="${base}#/embed/${kind}/${encodeURIComponent(id)}" title="${safeTitle}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`
}
