// A strict, iterative XML reader for request bodies (S3's DeleteObjects, bucket configurations):
// no DTDs, no custom entities, no recursion (nesting is bounded by maxDepth), linear in the text.
// Namespace prefixes are dropped from element names; attributes are checked and skipped.

export interface XmlElement {
  name: string
  children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_][\w.:-]{0,255}/
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeText(s: string, malformed: () => Error): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});|&/g, (m, e?: string) => {
    if (!e) throw malformed()
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      if (code > 0x10ffff) throw malformed()
      return String.fromCodePoint(code)
    }
    if (!(e in ENTITIES)) throw malformed()
    return ENTITIES[e]
  })
}

/**
 * Parses an XML document into its root element. Any problem throws `malformed()` (S3 answers
 * MalformedXML); elements nest at most `maxDepth` deep.
 */
export function parseXml(text: string, malformed: () => Error, maxDepth = 100): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  const stack: XmlElement[] = []
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  }
  const skipTo = (marker: string) => {
    const end = text.indexOf(marker, i)
    if (end < 0) throw malformed()
    i = end + marker.length
  }
  for (;;) {
    if (stack.length === 0) ws()
    if (i >= n) throw malformed()
    if (text.startsWith('<?', i)) skipTo('?>')
    else if (text.startsWith('<!--', i)) skipTo('-->')
    else if (text.startsWith('<![CDATA[', i) && stack.length) {
      const end = text.indexOf(']]>', i)
      if (end < 0) throw malformed()
      stack[stack.length - 1].text += text.slice(i + 9, end).replace(/&/g, '&amp;')
      i = end + 3
    } else if (text.startsWith('<!', i)) throw malformed()
    else if (text.startsWith('</', i)) {
      const m = NAME.exec(text.slice(i + 2, i + 258))
      const top = stack.pop()
      if (!m || !top || top.name !== m[0]) throw malformed()
      i += 2 + m[0].length
      ws()
      if (text[i++] !== '>') throw malformed()
      top.text = decodeText(top.text, malformed)
      if (stack.length === 0) {
        ws()
        if (i < n) throw malformed()
        return top
      }
    } else if (text[i] === '<') {
      const m = NAME.exec(text.slice(i + 1, i + 257))
      if (!m) throw malformed()
      i += 1 + m[0].length
      for (;;) {
        ws()
        if (text[i] === '>' || text.startsWith('/>', i)) break
        const a = NAME.exec(text.slice(i, i + 256))
        if (!a) throw malformed()
        i += a[0].length
        ws()
        if (text[i++] !== '=') throw malformed()
        ws()
        const q = text[i]
        if (q !== '"' && q !== "'") throw malformed()
        const end = text.indexOf(q, i + 1)
        if (end < 0) throw malformed()
        i = end + 1
      }
      const el: XmlElement = { name: m[0].slice(m[0].indexOf(':') + 1), children: [], text: '' }
      if (stack.length) stack[stack.length - 1].children.push(el)
      if (text.startsWith('/>', i)) {
        i += 2
        if (stack.length === 0) {
          ws()
          if (i < n) throw malformed()
          return el
        }
      } else {
        i++
        stack.push(el)
        if (stack.length > maxDepth) throw malformed()
      }
    } else {
      if (stack.length === 0) throw malformed()
      const next = text.indexOf('<', i)
      const end = next < 0 ? n : next
      stack[stack.length - 1].text += text.slice(i, end)
      i = end
    }
  }
}
