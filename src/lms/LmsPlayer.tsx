/**
 * The LMS route's page: a pack's items with minimal chrome (title, status, a list of the items,
 * previous/next), connected to the LMS that launched it. The shell hands it the pack and a
 * renderer for each item (a lesson, a knowledge check, a lab), so this feature needs no other.
 */
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { NO_STORAGE, type ProgressStore } from '../course/index.ts'
import { connectLms } from './connect.ts'
import { LmsController, type ControllerState } from './controller.ts'
import type { Pack, PackFormat, PackItem, Unit } from './pack.ts'
import { unitDone, type UnitProgress } from './score.ts'
import { LMS_NAMES } from './session.ts'
import './lms.css'

export const itemKey = (i: Pick<PackItem, 'kind' | 'id'>) => `${i.kind}:${i.id}`

export interface LmsNav {
  /** Whether the pack has this item (`lesson:<slug>`…). */
  has(key: string): boolean
  open(key: string): void
}

const NavContext = createContext<LmsNav>({ has: () => false, open: () => {} })
/** For links inside an item (a lesson linking to another lesson of the pack). */
export const useLmsNav = () => useContext(NavContext)

export interface LmsPlayerProps {
  pack: Pack
  units: readonly Unit[]
  format: PackFormat | null
  /** An instructor's preview (from #/instructors): no LMS is expected. */
  preview: boolean
  store: ProgressStore
  /** What one item counts (a lesson: its checks and labs), as packUnits does for the pack. */
  unitsOf(item: PackItem): readonly Unit[]
  renderItem(item: PackItem): ReactNode
}

const KIND_LABEL: Record<PackItem['kind'], string> = { lesson: 'Lesson', check: 'Knowledge check', lab: 'Hands-on lab' }

export function LmsPlayer({ pack, units, format, preview, store, unitsOf, renderItem }: LmsPlayerProps) {
  const [controller, setController] = useState<LmsController | null>(null)
  const [index, setIndex] = useState(0)
  const positioned = useRef(false)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Connect once (StrictMode's second effect run reuses the same controller).
  const connecting = useRef<Promise<LmsController> | null>(null)
  useEffect(() => {
    if (!connecting.current) {
      connecting.current = connectLms(window, format).then((session) => {
        const c = new LmsController({
          pack,
          units,
          session,
          store,
          detachStorage: () => store.persist.setOptions({ storage: NO_STORAGE }),
        })
        void c.start()
        return c
      })
    }
    let live = true
    void connecting.current.then((c) => live && setController(c))
    return () => {
      live = false
    }
  }, [format, pack, units, store])

  const state = useSyncExternalStore(
    controller?.subscribe ?? noSubscribe,
    controller?.getState ?? connectingState,
    controller?.getState ?? connectingState,
  )
  const progress = useSyncExternalStore(store.subscribe, store.getState, store.getState)

  // The page goes away: the LMS gets the last state at once. Hidden: save what is pending.
  useEffect(() => {
    if (!controller) return
    const onHide = () => controller.unload()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void controller.flush()
    }
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [controller])

  // Resume on the item the LMS kept.
  useEffect(() => {
    if (state.phase !== 'ready' || positioned.current) return
    positioned.current = true
    const at = state.resumeAt ? pack.items.findIndex((i) => itemKey(i) === state.resumeAt) : -1
    if (at > 0) setIndex(at)
  }, [state.phase, state.resumeAt, pack.items])

  const item = pack.items[Math.min(index, pack.items.length - 1)]
  useEffect(() => {
    if (state.phase === 'ready') controller?.setLocation(itemKey(item))
  }, [controller, item, state.phase])

  const go = (i: number) => {
    setIndex(i)
    window.scrollTo(0, 0)
    requestAnimationFrame(() => headingRef.current?.focus({ preventScroll: true }))
  }
  const nav: LmsNav = {
    has: (key) => pack.items.some((i) => itemKey(i) === key),
    open: (key) => {
      const i = pack.items.findIndex((x) => itemKey(x) === key)
      if (i >= 0) go(i)
    },
  }

  if (state.phase === 'connecting') {
    return (
      <div className="lms-root">
        <p className="lms-connecting" role="status">
          Connecting to your LMS…
        </p>
      </div>
    )
  }
  if (state.phase === 'failed') {
    return (
      <div className="lms-root">
        <div className="lms-message" role="alert">
          <h1>This pack could not start</h1>
          <p>{state.error}</p>
        </div>
      </div>
    )
  }
  if (state.phase === 'ended') {
    return (
      <div className="lms-root">
        <div className="lms-message" role="status">
          <h1>You have left “{pack.title}”</h1>
          <p>
            {state.kind === 'none'
              ? 'This was a preview: nothing was saved.'
              : 'Your progress is saved in your LMS. You can close this window.'}
          </p>
        </div>
      </div>
    )
  }

  const done = (i: PackItem) => {
    const us = unitsOf(i)
    return us.length > 0 && us.every((u) => unitDone(u, progress as UnitProgress))
  }

  const exit = async () => {
    if (!controller) return
    await controller.exit()
    const back = controller.getState().returnUrl
    if (back) window.location.assign(back)
  }

  return (
    <NavContext.Provider value={nav}>
      <div className="lms-root" data-lms={state.kind}>
        <header className="lms-bar">
          <div className="lms-bar-main">
            <p className="lms-pack-title">{pack.title}</p>
            <Status state={state} />
          </div>
          <div className="lms-bar-side">
            <SaveState state={state} preview={preview} />
            {state.kind === 'cmi5' && (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exit()}>
                Exit
              </button>
            )}
          </div>
        </header>

        {state.notice && (
          <div className="lms-notice" role="alert" data-testid="lms-notice">
            <p>{state.notice}</p>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => controller?.dismissNotice()}>
              Dismiss
            </button>
          </div>
        )}
        {state.mode !== 'normal' && (
          <p className="lms-mode" role="note">
            {state.mode === 'review'
              ? 'Review mode: your LMS shows this pack for review and does not record changes.'
              : 'Browse mode: look around freely; your LMS does not record a score.'}
          </p>
        )}

        <div className={`lms-layout${pack.items.length > 1 ? ' lms-layout-with-toc' : ''}`}>
          {pack.items.length > 1 && (
            <nav className="lms-toc" aria-label="In this pack">
              <ol>
                {pack.items.map((it, i) => {
                  const d = done(it)
                  return (
                    <li key={itemKey(it)} className={d ? 'is-done' : undefined}>
                      <button
                        type="button"
                        className="lms-toc-link"
                        aria-current={i === index ? 'step' : undefined}
                        onClick={() => go(i)}
                      >
                        <span className="lms-toc-kind">{KIND_LABEL[it.kind]}</span>
                        <span className="lms-toc-title">{it.title}</span>
                        <span className="sr-only">{d ? ' (done)' : ''}</span>
                      </button>
                    </li>
                  )
                })}
              </ol>
            </nav>
          )}
          <main id="main" className="lms-main">
            <p className="eyebrow">
              {KIND_LABEL[item.kind]}
              {pack.items.length > 1 ? ` · ${index + 1} of ${pack.items.length}` : ''}
            </p>
            <h1 className="lms-item-title" ref={headingRef} tabIndex={-1}>
              {item.title}
            </h1>
            <div key={itemKey(item)} className="lms-item" data-testid="lms-item" data-item={itemKey(item)}>
              {renderItem(item)}
            </div>
            {pack.items.length > 1 && (
              <nav className="lms-pager" aria-label="Previous and next">
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={index === 0}
                  onClick={() => go(index - 1)}
                >
                  Previous
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={index >= pack.items.length - 1}
                  onClick={() => go(index + 1)}
                >
                  Next
                </button>
              </nav>
            )}
          </main>
        </div>
      </div>
    </NavContext.Provider>
  )
}

function Status({ state }: { state: ControllerState }) {
  const e = state.evaluation
  const pill =
    e.success === 'passed'
      ? { cls: 'is-passed', text: 'Passed' }
      : e.success === 'failed'
        ? { cls: 'is-failed', text: 'Not passed yet' }
        : e.completed
          ? { cls: 'is-passed', text: 'Completed' }
          : { cls: '', text: 'In progress' }
  return (
    <p className="lms-status" data-testid="lms-status">
      <span className={`lms-pill ${pill.cls}`}>{pill.text}</span>
      <span>
        {e.done} of {e.total} done
      </span>
      {e.percent !== null && (
        <span>
          Score {e.percent}%{e.mastery !== null ? ` (pass: ${Math.round(e.mastery * 100)}%)` : ''}
        </span>
      )}
    </p>
  )
}

function SaveState({ state, preview }: { state: ControllerState; preview: boolean }) {
  const text =
    state.kind === 'none'
      ? preview
        ? 'Preview: nothing is saved'
        : 'Not connected to an LMS: nothing is saved'
      : state.save === 'failed'
        ? 'Not saved yet: trying again'
        : state.save === 'saving' || state.save === 'pending'
          ? 'Saving…'
          : `Saved in your LMS (${LMS_NAMES[state.kind]})`
  return (
    <p className={`lms-save is-${state.kind === 'none' ? 'off' : state.save}`} data-testid="lms-save">
      {text}
      {/* Saving happens every few seconds: only a problem is announced. */}
      <span className="lms-problem" aria-live="polite">
        {state.problems.length > 0 ? state.problems[state.problems.length - 1] : ''}
      </span>
    </p>
  )
}

const noSubscribe = () => () => {}
const CONNECTING: ControllerState = {
  phase: 'connecting',
  kind: 'none',
  mode: 'normal',
  learner: null,
  returnUrl: null,
  evaluation: {
    done: 0,
    total: 0,
    progress: 0,
    scored: 0,
    scaled: null,
    percent: null,
    completed: false,
    success: 'unknown',
    mastery: null,
  },
  resumeAt: null,
  notice: null,
  error: null,
  save: 'off',
  problems: [],
}
const connectingState = () => CONNECTING
