// The LMS feature's public entry for other features (the instructors' page): pack configs and
// preview links. Light: no LMS client, no compression library behind it.
export {
  PACK_FORMATS,
  FORMAT_NAMES,
  checkPackConfig,
  packUnits,
  plainPrompt,
  type Catalog,
  type Pack,
  type PackConfig,
  type PackFormat,
  type PackItem,
  type PackItemConfig,
  type Unit,
} from './pack.ts'
export { previewHref } from './preview.ts'
