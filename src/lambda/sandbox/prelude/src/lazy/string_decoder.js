// string_decoder: Node's StringDecoder (the `string_decoder` npm package).
import sd from 'string_decoder/lib/string_decoder.js'

export default function factory() {
  return { StringDecoder: sd.StringDecoder }
}
