import { expect } from 'chai'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { declaredPages, ownViews } from './harness/files.js'
import { MP_ROOT } from './harness/runtime.js'

/**
 * An elderly resident reads every page in the stylesheets her phone gets: the app's, each
 * page's and each component's (TDesign's own are sized through the app's tokens). None may set
 * text smaller than the app's body size allows — 32rpx, or 0.85 of the page's size for a small
 * mark (≥ 28rpx, as the page's own size is ≥ 34rpx) — nor in a colour paler than 4.5:1 against
 * its background (white unless the rule sets one): MIIT's 适老化 contrast.
 */
const MIN_RPX = 32
const MIN_EM = 0.85
/** A small mark (a counter such as 0 / 2000) in rpx: 0.85 of the 34rpx body, as MIN_EM allows. */
const MIN_MARK_RPX = 28
const MIN_CONTRAST = 4.5

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return stylesheets(path)
    return path.endsWith('.wxss') ? [path] : []
  })
}

interface Rule {
  file: string
  selector: string
  declarations: Map<string, string>
}

function rules(file: string): Rule[] {
  // Comments and @import lines are not rules (an @import was read as part of the first rule's selector).
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;/g, '')
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    file: relative(MP_ROOT, file),
    selector: m[1].trim(),
    declarations: new Map(
      m[2]
        .split(';')
        .map((d) => d.split(':'))
        .filter((d) => d.length >= 2)
        .map(([name, ...value]) => [name.trim(), value.join(':').trim()]),
    ),
  }))
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(full.slice(at, at + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const HEX = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/

/** The stylesheets read (a page's may be empty: pages/case/list sets nothing of its own). */
const read = [join(MP_ROOT, 'app.wxss'), ...stylesheets(join(MP_ROOT, 'pages')), ...stylesheets(join(MP_ROOT, 'components'))]
const all = read.flatMap(rules)

/** What each check looked at, one line a declaration: an empty finding means something only if this holds her pages. */
const seen = (found: Rule[], name: string) =>
  found.flatMap((r) => (r.declarations.has(name) ? [`${r.file} ${r.selector} { ${name}: ${r.declarations.get(name)} }`] : []))

describe('mini-program: text large and dark enough for an elderly reader', () => {
  it('reads the stylesheets of every page and component', () => {
    // Every page app.json names and every component, known apart from the scan: a scan that read nothing fails here.
    const meant = ['app', ...declaredPages(), ...ownViews().filter((v) => v.startsWith('components/'))].map((f) => `${f}.wxss`)
    expect(meant.length, 'the app, its pages and components').to.be.above(40)
    expect(
      read.map((file) => relative(MP_ROOT, file)),
      'the stylesheets read',
    ).to.include.members(meant)
  })

  it('sets no text under 32rpx (or under 0.85 of the page’s size for a small mark)', () => {
    // It read the sizes it judges, fixed and in em, the app's and the pages'.
    expect(seen(all, 'font-size'), 'sizes found').to.include.members([
      'app.wxss .shell.care { font-size: 40rpx }',
      'pages/quiz/take.wxss .title { font-size: 1.2em }',
      'pages/quiz/take.wxss .big { font-size: 72rpx }',
    ])
    const small = all.flatMap((r) => {
      const size = r.declarations.get('font-size')
      if (!size) return []
      const rpx = /^([\d.]+)rpx$/.exec(size)
      const em = /^([\d.]+)em$/.exec(size)
      const tooSmall = rpx ? Number(rpx[1]) < MIN_RPX : em ? Number(em[1]) < MIN_EM : true
      return tooSmall ? [`${r.file} ${r.selector} { font-size: ${size} }`] : []
    })
    expect(small, 'text an elderly reader must strain for').to.deep.equal([])
  })

  it('sizes TDesign’s text no smaller either: its font tokens (descriptions, placeholders) ≥ 32rpx, a small mark ≥ 28rpx', () => {
    // TDesign draws its cells' descriptions, its placeholders and its small buttons' words in these
    // tokens, set on the page shell: a token set under the minimum shrinks that text on every page.
    expect(
      seen(all, '--td-font-body-small').map((found) => found.split(' {')[0]),
      'the small body token, found on both shells',
    ).to.include.members(['app.wxss .shell', 'app.wxss .shell.care'])
    // A page may set one for its own button (a quiet link in the body's size): pages are read for tokens too.
    expect(seen(all, '--td-button-medium-font'), 'tokens found on the pages').to.include(
      'pages/case/detail.wxss .withdraw { --td-button-medium-font: var(--td-font-body-large) }',
    )
    const small = all.flatMap((r) =>
      [...r.declarations].flatMap(([name, value]) => {
        if (!/^--td-font-(body|mark|title)-/.test(name) && !/^--td-[a-z-]+-font$/.test(name)) return []
        const rpx = /([\d.]+)rpx\s*\//.exec(value)
        if (!rpx) return []
        const least = name.endsWith('-small') ? MIN_MARK_RPX : MIN_RPX
        return Number(rpx[1]) < least ? [`${r.file} ${r.selector} { ${name}: ${value.split('/')[0].trim()} }`] : []
      }),
    )
    expect(small, 'TDesign text an elderly reader must strain for').to.deep.equal([])
  })

  it('writes no text in a colour paler than 4.5:1 against its background', () => {
    // It read the colours it judges, on white and on a ground of their own.
    expect(seen(all, 'color'), 'colours found').to.include.members([
      'pages/quiz/take.wxss .big { color: #b71c1c }',
      'pages/quiz/take.wxss .warn { color: #6d4c00 }',
    ])
    expect(seen(all, 'background'), 'grounds found').to.include('pages/quiz/take.wxss .warn { background: #fff8e1 }')
    const pale = all.flatMap((r) => {
      const colour = HEX.exec(r.declarations.get('color') ?? '')?.[0]
      if (!colour) return []
      const ground = HEX.exec(r.declarations.get('background') ?? r.declarations.get('background-color') ?? '')?.[0] ?? '#ffffff'
      const ratio = contrast(colour, ground)
      return ratio < MIN_CONTRAST ? [`${r.file} ${r.selector} { color: ${colour} } on ${ground}: ${ratio.toFixed(2)}:1`] : []
    })
    expect(pale, 'text too pale to read').to.deep.equal([])
  })
})
