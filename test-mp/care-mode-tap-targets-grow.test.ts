import { expect } from 'chai'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { declaredPages, ownViews, sharedStyles } from './harness/files.js'
import { MP_ROOT } from './harness/runtime.js'

interface Rule {
  file: string
  selector: string
  props: Map<string, string>
}

/** Every rule of a stylesheet, comments taken out, with its declarations by name. */
function rulesOf(file: string): Rule[] {
  // Comments and @import lines (a shared sheet such as styles/choice.wxss) are not rules.
  const text = readFileSync(join(MP_ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;/g, '')
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    file,
    selector: m[1].trim(),
    props: new Map(
      m[2]
        .split(';')
        .map((d) => d.split(':'))
        .filter((d) => d.length >= 2)
        .map(([name, ...value]) => [name.trim(), value.join(':').trim()]),
    ),
  }))
}

function rule(file: string, selector: string): Rule {
  const found = rulesOf(file).find((r) => r.selector === selector)
  if (!found) throw new Error(`${file} has no rule for ${selector}`)
  return found
}

/** A length as the phone works it out in the standard look or in 关怀模式: var() read from the page shell's rules. */
function resolve(value: string, care: boolean): number {
  const shell = rule('app.wxss', '.shell').props
  const careShell = rule('app.wxss', '.shell.care').props
  const v = /^var\((--[\w-]+)(?:,\s*([^)]+))?\)$/.exec(value)
  const literal = v ? (care && careShell.get(v[1])) || shell.get(v[1]) || v[2] || '' : value
  const rpx = /^([\d.]+)rpx$/.exec(literal)
  if (!rpx) throw new Error(`cannot read ${value} as rpx`)
  return Number(rpx[1])
}

function stylesheets(dir: string): string[] {
  return readdirSync(join(MP_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(MP_ROOT, path)).isDirectory()) return stylesheets(path)
    return path.endsWith('.wxss') ? [relative('.', path)] : []
  })
}

/**
 * 关怀模式 (for an older hand) makes the buttons 120rpx (≥ 60dp, MIIT's tap target for the elder
 * version). The other things she taps — the 点这里，填上我微信绑定的手机号 button, the rows with a switch, a
 * message to pick, a tab, a grade, an attachment, the stars, a topic chip, an answer box, an
 * option row — grow with them, as the actions under a photo do; in the standard look they keep
 * their size.
 */
describe('mini-program: in 关怀模式 every tap target grows with the buttons', () => {
  const BUTTON_HIGH: Array<[string, string, string[]]> = [
    ['pages/case/new.wxss', '.phone-button', ['min-height', 'line-height']],
    ['pages/case/new.wxss', '.switch-row', ['min-height']],
    ['pages/suggestion/new.wxss', '.sg-case', ['min-height']],
    ['pages/suggestion/index.wxss', '.sg-tab', ['min-height']],
    ['pages/projects/rate.wxss', '.grade', ['min-height']],
    ['pages/meetings/detail.wxss', '.attachment', ['min-height']],
    ['pages/case/detail.wxss', '.rate-row', ['min-height']],
    ['pages/public/index.wxss', '.topic', ['min-height', 'line-height']],
    ['components/question/question.wxss', '.field', ['height']],
    ['pages/meetings/public.wxss', '.field', ['height']],
    ['pages/deputy/case.wxss', '.field', ['height']],
    // 邀请附议's name field, as tall as 查找 beside it.
    ['components/cosign-picker/cosign-picker.wxss', '.field', ['height']],
  ]
  const careButton = () => resolve(rule('app.wxss', '.shell.care').props.get('--td-button-medium-height')!, true)

  for (const [file, selector, props] of BUTTON_HIGH) {
    it(`${file} ${selector}: as tall as a button, 120rpx in 关怀模式, 96rpx otherwise`, () => {
      for (const prop of props) {
        const value = rule(file, selector).props.get(prop)
        expect(value, `${selector} sets ${prop}`).to.be.a('string')
        expect(resolve(value!, true), `${prop} in 关怀模式`).to.equal(careButton()).and.be.at.least(120)
        expect(resolve(value!, false), `${prop} in the standard look`).to.equal(96)
      }
    })
  }

  // Rows she picks from were already taller than a button (112rpx): they stay taller in 关怀模式.
  const ROW_HIGH: Array<[string, string, string[]]> = [
    ['components/question/question.wxss', '.option', ['min-height']],
    // Its width is a fifth of the row (a-survey-scale-keeps-five-boxes-on-one-row).
    ['components/question/question.wxss', '.point', ['height', 'line-height']],
    ['pages/quiz/take.wxss', '.option', ['min-height']],
    ['pages/records/appraise.wxss', '.community', ['min-height']],
    ['pages/deputy/case.wxss', '.pick', ['min-height']],
    ['pages/deputy/digest.wxss', '.row', ['min-height']],
    // Every one-of-several choice (暂停接收留言's reason, 每日摘要's way): a framed row to tap.
    ['styles/radio-list.wxss', '.radio', ['min-height']],
    ['pages/deputy/index.wxss', '.code-input', ['height']],
    // A deputy's name to tap in 邀请附议's list.
    ['components/cosign-picker/cosign-picker.wxss', '.cp-pick', ['min-height']],
  ]
  for (const [file, selector, props] of ROW_HIGH) {
    it(`${file} ${selector}: a row high, more than a button in 关怀模式, 112rpx otherwise`, () => {
      for (const prop of props) {
        const value = rule(file, selector).props.get(prop)
        expect(value, `${selector} sets ${prop}`).to.be.a('string')
        expect(resolve(value!, true), `${prop} in 关怀模式`).to.be.above(careButton())
        expect(resolve(value!, false), `${prop} in the standard look`).to.equal(112)
      }
    })
  }

  it('no page or component keeps a fixed tap height that 关怀模式 leaves below 120rpx', () => {
    // Not tapped: the initial of a deputy's name in a circle.
    const notSmall = new Set(['pages/index/index.wxss .avatar'])
    const scanned = [...stylesheets('pages'), ...stylesheets('components'), ...stylesheets('styles')]
    // An empty list is only good news if the scan read her pages: every page app.json names, every component, every
    // shared sheet, and found in them the heights it checks.
    const meant = [...declaredPages(), ...ownViews().filter((v) => v.startsWith('components/')), ...sharedStyles()].map((f) => `${f}.wxss`)
    expect(meant.length, 'stylesheets of the pages, components and shared styles').to.be.above(40)
    expect(scanned, 'the stylesheets read').to.include.members(meant)
    const tall = scanned
      .flatMap(rulesOf)
      .filter((r) => ['height', 'min-height', 'line-height'].some((p) => r.props.has(p)))
      .map((r) => ({ at: `${r.file} ${r.selector}`, props: r.props }))
    expect(
      tall.map((r) => r.at),
      'rules that set a height, found',
    ).to.include.members(['pages/case/new.wxss .phone-button', 'components/question/question.wxss .point', 'styles/radio-list.wxss .radio'])
    const fixed = tall
      .filter((r) => ['height', 'min-height', 'line-height'].some((p) => /^(8[0-9]|9[0-9]|1[01][0-9])rpx$/.test(r.props.get(p) ?? '')))
      .map((r) => r.at)
    // The one fixed height it lets pass is found: the scan sees a fixed height where there is one.
    expect(fixed, 'fixed heights found').to.include.members([...notSmall])
    expect(fixed.filter((r) => !notSmall.has(r))).to.deep.equal([])
  })
})
