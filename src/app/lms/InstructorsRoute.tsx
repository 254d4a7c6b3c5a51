/** `#/instructors`: the instructors' page, with the course catalog it builds packs from. */
import { InstructorsPage } from '../../instructors/InstructorsPage.tsx'
import { loadCatalog } from './catalog.ts'

export function InstructorsRoute() {
  return <InstructorsPage loadCatalog={loadCatalog} />
}
