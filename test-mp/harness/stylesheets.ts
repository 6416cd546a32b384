import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MP_ROOT } from './runtime.js'

/** The declarations of the rule whose selector is exactly `selector` in a stylesheet of the mini-program, comments taken out. */
export function declarations(file: string, selector: string): Map<string, string> {
  // Comments and @import lines (a shared sheet such as styles/choice.wxss) are not rules.
  const text = readFileSync(join(MP_ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;/g, '')
  const rule = [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].find((m) => m[1].trim() === selector)
  if (!rule) throw new Error(`${file} has no rule for ${selector}`)
  return new Map(
    rule[2]
      .split(';')
      .map((d) => d.split(':'))
      .filter((d) => d.length >= 2)
      .map(([name, ...value]) => [name.trim(), value.join(':').trim()]),
  )
}

/** The font-size a selector's rule declares. */
export function fontSize(file: string, selector: string): string {
  const size = declarations(file, selector).get('font-size')
  if (!size) throw new Error(`${file} ${selector} declares no font-size`)
  return size
}

/** The font-size in rpx that app.wxss gives the rule whose selector is exactly `selector`. */
const appSize = (selector: string) => {
  const size = fontSize('app.wxss', selector)
  if (!size.endsWith('rpx')) throw new Error(`app.wxss ${selector} sets its font-size in ${size}, not rpx`)
  return parseFloat(size)
}

/** The body text in rpx, standard and 关怀模式, read from app.wxss (on the page, and on the care shell): 34 and 40. */
export const BODY = { standard: appSize('page'), care: appSize('.shell.care') }

/** A font size as the phone draws it on a body of `body` rpx: "1.1em" is 1.1 times the body; "36rpx" stays 36. */
export const rpx = (size: string, body: number) => (size.endsWith('em') ? parseFloat(size) * body : parseFloat(size))

/** A heading, state or count drawn larger than the body text under it, in the standard look and in 关怀模式. */
export function expectAboveBody(file: string, selector: string) {
  const size = fontSize(file, selector)
  expect(rpx(size, BODY.standard), 'standard look').to.be.above(BODY.standard)
  expect(rpx(size, BODY.care), '关怀模式').to.be.above(BODY.care)
}
