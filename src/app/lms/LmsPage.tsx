/**
 * `#/lms/<pack-id>`: the page an LMS package launches (its `lms.html` opens this route). Reads
 * the pack the packager wrote (`packs/<pack-id>.json`, beside the page), or for an instructor's
 * preview `#/lms/preview?pack=…` (built on #/instructors), and hands it to the LMS player.
 * Lazily loaded: lesson pages never load the LMS runtime.
 */
import { useEffect, useMemo, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { progressStore } from '../../course/progress.ts'
import { LmsPlayer } from '../../lms/LmsPlayer.tsx'
import { checkPackConfig, packUnits, readPackFile, type PackFile, type PackItem } from '../../lms/pack.ts'
import { decodePreview, PREVIEW_ID } from '../../lms/preview.ts'
import { usePageTitle } from '../../shared/usePageTitle.ts'
import { lessonCatalog, loadCatalog } from './catalog.ts'
import { renderPackItem } from './LmsItems.tsx'

type Loaded =
  { state: 'loading' } | { state: 'error'; title: string; lines: string[] } | { state: 'ready'; file: PackFile }

async function loadPack(id: string, param: string | null): Promise<Loaded> {
  if (id === PREVIEW_ID) {
    const config = decodePreview(param)
    if (config === null)
      return {
        state: 'error',
        title: 'This preview link is incomplete',
        lines: ['Build the pack again on the instructors page.'],
      }
    const checked = checkPackConfig(config, await loadCatalog())
    if (!checked.ok) return { state: 'error', title: 'This pack config has problems', lines: checked.errors }
    return { state: 'ready', file: { pack: checked.pack, format: null } }
  }
  let json: unknown
  try {
    const res = await fetch(`packs/${encodeURIComponent(id)}.json`, { cache: 'no-cache' })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    json = await res.json()
  } catch (e) {
    return {
      state: 'error',
      title: 'This pack could not be found',
      lines: [
        `The package has no pack "${id}" (packs/${id}.json: ${e instanceof Error ? e.message : String(e)}). Build the package again with npm run package.`,
      ],
    }
  }
  const file = readPackFile(json)
  if (!file || file.pack.id !== id)
    return { state: 'error', title: 'This pack could not be read', lines: [`packs/${id}.json is not a pack file.`] }
  return { state: 'ready', file }
}

export function LmsPage() {
  const id = useParams().packId ?? ''
  const [params] = useSearchParams()
  const param = params.get('pack')
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setLoaded({ state: 'loading' })
    void loadPack(id, param).then((l) => live && setLoaded(l))
    return () => {
      live = false
    }
  }, [id, param])
  usePageTitle(loaded.state === 'ready' ? loaded.file.pack.title : 'Course pack')

  const pack = loaded.state === 'ready' ? loaded.file.pack : null
  const units = useMemo(() => (pack ? packUnits(pack, lessonCatalog) : []), [pack])
  const unitsOf = useMemo(() => (item: PackItem) => packUnits({ items: [item] }, lessonCatalog), [])

  if (loaded.state === 'loading')
    return (
      <div className="lms-root">
        <p className="lms-connecting" role="status">
          Loading the pack…
        </p>
      </div>
    )
  if (loaded.state === 'error')
    return (
      <div className="lms-root">
        <div className="lms-message" role="alert">
          <h1>{loaded.title}</h1>
          <ul>
            {loaded.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      </div>
    )
  return (
    <LmsPlayer
      pack={loaded.file.pack}
      units={units}
      format={loaded.file.format}
      preview={id === PREVIEW_ID}
      store={progressStore}
      unitsOf={unitsOf}
      renderItem={renderPackItem}
    />
  )
}
