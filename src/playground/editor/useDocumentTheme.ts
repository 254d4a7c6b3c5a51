import { useSyncExternalStore } from 'react'

/**
 * The app's theme as set on `<html data-theme>` by src/shared/theme.ts ('light' | 'dark'), read
 * from the attribute itself so the editor follows it on every page, embeds included.
 */
function read(): 'light' | 'dark' {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => observer.disconnect()
}

export function useDocumentTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, read, () => 'light')
}
