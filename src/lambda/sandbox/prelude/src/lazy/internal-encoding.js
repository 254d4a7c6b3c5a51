// internal/encoding: TextEncoder / TextDecoder, shared by the globals, util and buffer.
import { TextEncoder, TextDecoder } from './encoding.js'

export default function factory() {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true })
  return {
    TextEncoder,
    TextDecoder,
    // WHATWG UTF-8 decoding (what V8 does for Buffer#toString): one U+FFFD per maximal invalid subpart.
    decodeUtf8: (bytes) => lenient.decode(bytes),
  }
}
