import { expect } from 'chai'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

/** The one file that talks to the network (DESIGN: "one utils/request.js (the only wx.request)"). */
const REQUEST_JS = 'utils/request.js'

/** A call (or a hold) of wx.request or wx.uploadFile; not wx.requestSubscribeMessage, which asks the person, not the network. */
const NETWORK = /\bwx\s*(?:\.\s*(?:request|uploadFile)\b|\[\s*['"](?:request|uploadFile)['"]\s*\])/

/** The code of a file without its comments: "never wx.request" in a comment is not a call. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1')

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'miniprogram_npm') return []
    const path = join(dir, e.name)
    return e.isDirectory() ? jsFiles(path) : e.name.endsWith('.js') ? [path] : []
  })
}

/**
 * The mini-program's files (under `mp`) other than utils/request.js that call the network themselves, by their path
 * under `mp`: pages, components and the rest go through services/, which take utils/request.js.
 */
function networkCallers(mp: string): string[] {
  return jsFiles(mp)
    .map((file) => relative(mp, file).split('\\').join('/'))
    .filter((path) => path !== REQUEST_JS && NETWORK.test(withoutComments(readFileSync(join(mp, path), 'utf8'))))
    .sort()
}

/**
 * Review 38, finding 4. STYLE: "Mini-program pages never call wx.request themselves: one services/ layer does"; the
 * dependency check (`npm run lint:deps`) cannot see a call of a global. This is the check: it names each file that
 * breaks the rule.
 */
describe('mini-program: only utils/request.js calls wx.request', () => {
  it('holds for the mini-program as it is', () => {
    expect(networkCallers(join(root, 'miniprogram')), 'files that call the network themselves').to.deep.equal([])
  })

  describe('on a small mini-program with a page that calls it', () => {
    let dir: string
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'liaison-mp-requests-'))
      write('utils/request.js', 'module.exports = (o) => wx.request(o)\n')
      write('services/cases.js', "module.exports = (request) => ({ list: () => request('GET', '/api/mp/cases') })\n")
      write('pages/cases/list.js', "Page({ onLoad() { wx.request({ url: 'https://example.com/api/mp/cases' }) } })\n")
      write('pages/cases/photo.js', "Page({ send(p) { wx['uploadFile']({ url: '/x', filePath: p, name: 'f' }) } })\n")
      write('components/picker/picker.js', 'const r = wx.request\nComponent({ methods: { go: () => r({}) } })\n')
      // Allowed: the subscribe dialog, and words about the rule.
      write(
        'pages/cases/notices.js',
        '// pages never call wx.request themselves\n/* nor wx.uploadFile */\nPage({ ask() { wx.requestSubscribeMessage({ tmplIds: [] }) } })\n',
      )
      write('miniprogram_npm/tdesign/index.js', 'wx.request({})\n')
    })
    after(() => rmSync(dir, { recursive: true, force: true }))

    it('names each file that calls the network itself, and nothing allowed', () => {
      expect(networkCallers(dir)).to.deep.equal(['components/picker/picker.js', 'pages/cases/list.js', 'pages/cases/photo.js'])
    })
  })
})
