/** "Copy embed code": puts an <iframe> snippet on the clipboard, or shows it to copy by hand. */
import { useId, useState } from 'react'
import { embedSnippet, type EmbedKind } from './embed-snippet.ts'

export function CopyEmbed({ kind, id, title }: { kind: EmbedKind; id: string; title: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle')
  const boxId = useId()
  const snippet = embedSnippet(kind, id, window.location.href, title)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet)
      setState('copied')
      window.setTimeout(() => setState((s) => (s === 'copied' ? 'idle' : s)), 2500)
    } catch {
      setState('manual')
    }
  }
  return (
    <div className="copy-embed">
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => void copy()}
        aria-describedby={state === 'manual' ? boxId : undefined}
      >
        {state === 'copied' ? 'Embed code copied' : 'Copy embed code'}
      </button>
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? 'Embed code copied to the clipboard.' : ''}
      </span>
      {state === 'manual' && (
        <label className="copy-embed-manual" id={boxId}>
          <span>The clipboard is blocked here: copy this code.</span>
          <textarea readOnly value={snippet} rows={3} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  )
}
