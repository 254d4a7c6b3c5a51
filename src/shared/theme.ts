/**
 * Theme preference: 'system' (default) follows prefers-color-scheme; 'light'/'dark' override it.
 * index.html applies the stored preference before first paint (no flash); this module keeps the
 * <html data-theme> attribute in sync afterwards.
 */
import { useSyncExternalStore } from 'react'

export type ThemePreference = 'light' | 'dark' | 'system'
export type Theme = 'light' | 'dark'
export const THEME_KEY = 'lf-theme'

const listeners = new Set<() => void>()
const media =
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null

function readPreference(): ThemePreference {
  try {
    const v = window.localStorage.getItem(THEME_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

let preference: ThemePreference = typeof window !== 'undefined' ? readPreference() : 'system'

export function resolveTheme(pref: ThemePreference): Theme {
  if (pref === 'system') return media?.matches ? 'dark' : 'light'
  return pref
}

function apply() {
  const theme = resolveTheme(preference)
  const root = document.documentElement
  root.dataset.theme = theme
  root.dataset.themePreference = preference
  root.style.colorScheme = theme
}

function emit() {
  apply()
  listeners.forEach((l) => l())
}

export function setThemePreference(pref: ThemePreference) {
  preference = pref
  try {
    if (pref === 'system') window.localStorage.removeItem(THEME_KEY)
    else window.localStorage.setItem(THEME_KEY, pref)
  } catch {
    // storage blocked: the choice lasts for this visit
  }
  emit()
}

export function initTheme() {
  apply()
  media?.addEventListener('change', () => {
    if (preference === 'system') emit()
  })
  window.addEventListener('storage', (e) => {
    if (e.key === THEME_KEY) {
      preference = readPreference()
      emit()
    }
  })
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, () => preference)
}

export function useResolvedTheme(): Theme {
  return useSyncExternalStore(subscribe, () => resolveTheme(preference))
}

/** Embeds: the host page chooses the theme for this visit only (not saved). */
export function applyTheme(theme: Theme) {
  preference = theme
  emit()
}
