// internal/inspect: Node's util.inspect (node-inspect-extracted, patched at build time).
import nie from 'node-inspect-extracted'

export default function factory() {
  return {
    inspect: nie.inspect,
    format: nie.format,
    formatWithOptions: nie.formatWithOptions,
    stripVTControlCharacters: nie.stripVTControlCharacters,
  }
}
