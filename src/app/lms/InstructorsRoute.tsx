/** `#/instructors`: the instructors' page, with the course catalog it builds packs from. */
import { InstructorsPage } from '../../instructors/InstructorsPage.tsx'
import { usePageTitle } from '../../shared/usePageTitle.ts'
import { loadCatalog } from './catalog.ts'

export function InstructorsRoute() {
  usePageTitle('For instructors')
  return <InstructorsPage loadCatalog={loadCatalog} />
}
