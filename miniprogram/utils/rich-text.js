/**
 * A reading item's HTML (sanitised on the server) as rich-text nodes, built again here
 * from a short list of tags so that nothing else can reach the page even if the server's
 * rules change: no attributes but an image's https source, no styles but our own sizes.
 * Our own uploads (/api/mp/uploads/…) are read from the backend's address.
 */
const BLOCK = {
  p: 'margin: 0 0 0.8em; line-height: 1.7;',
  h2: 'font-size: 1.25em; font-weight: bold; margin: 0.8em 0 0.4em;',
  h3: 'font-size: 1.1em; font-weight: bold; margin: 0.6em 0 0.3em;',
  ul: 'padding-left: 1.5em;',
  ol: 'padding-left: 1.5em;',
  li: 'margin-bottom: 0.3em;',
}
const INLINE = { strong: 'font-weight: bold;', em: 'font-style: italic;', a: 'color: #0052d9;' }
const SKIP = { script: true, style: true, textarea: true, noscript: true, iframe: true, template: true }
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' }

const decode = (text) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name) => {
    if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()]
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ''
    }
    return all
  })

function attribute(attrs, name) {
  const match = attrs.match(new RegExp('\\s' + name + '\\s*=\\s*("([^"]*)"|\'([^\']*)\')', 'i'))
  return match ? decode(match[2] !== undefined ? match[2] : match[3]) : null
}

function imageSource(src, apiBase) {
  if (!src) return null
  if (/^https:\/\//i.test(src)) return src
  if (/^\/api\/mp\/uploads\/[A-Za-z0-9._-]+$/.test(src)) return apiBase + src
  return null
}

function toNodes(html, apiBase) {
  const root = { children: [] }
  const stack = [root]
  const top = () => stack[stack.length - 1]
  const pattern = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g
  let m
  while ((m = pattern.exec(String(html || '')))) {
    if (m[4] !== undefined) {
      top().children.push({ type: 'text', text: decode(m[4]) })
      continue
    }
    const name = m[2].toLowerCase()
    if (!m[1] && SKIP[name]) {
      // Their text is code, not reading: skip to the end of the element.
      const end = String(html)
        .toLowerCase()
        .indexOf('</' + name, pattern.lastIndex)
      pattern.lastIndex = end < 0 ? String(html).length : end
      continue
    }
    const style = BLOCK[name] || INLINE[name]
    if (m[1]) {
      // Close the nearest open tag of this name, and whatever was left open inside it.
      for (let i = stack.length - 1; i > 0; i--)
        if (stack[i].tag === name) {
          stack.length = i
          break
        }
      continue
    }
    if (name === 'br') top().children.push({ name: 'br' })
    else if (name === 'img') {
      const src = imageSource(attribute(m[3], 'src'), apiBase)
      if (src) top().children.push({ name: 'img', attrs: { src: src, alt: attribute(m[3], 'alt') || '', style: 'max-width: 100%; height: auto;' } })
    } else if (style) {
      // A link is shown as coloured text: rich-text cannot open it, and the address is not shown.
      const node = { tag: name, name: name === 'a' ? 'span' : name, attrs: { style: style }, children: [] }
      top().children.push(node)
      stack.push(node)
    }
  }
  return strip(root.children)
}

/** Drops the field the parser kept (tag); rich-text takes only name, attrs, children, type, text. */
function strip(nodes) {
  return nodes.map((n) =>
    n.type === 'text' ? n : Object.assign({ name: n.name }, n.attrs ? { attrs: n.attrs } : {}, n.children ? { children: strip(n.children) } : {}),
  )
}

module.exports = { toNodes }
