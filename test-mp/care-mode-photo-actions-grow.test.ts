import { expect } from 'chai'
import { declarations } from './harness/stylesheets.js'

/** A length as the phone works it out on a page in the standard look or in 关怀模式: var() read from the page shell's rules. */
function resolve(value: string, care: boolean): number {
  const shell = declarations('app.wxss', '.shell')
  const careShell = declarations('app.wxss', '.shell.care')
  const v = /^var\((--[\w-]+)(?:,\s*([^)]+))?\)$/.exec(value)
  const literal = v ? (care && careShell.get(v[1])) || shell.get(v[1]) || v[2] || '' : value
  const rpx = /^([\d.]+)rpx$/.exec(literal)
  if (!rpx) throw new Error(`cannot read ${value} as rpx`)
  return Number(rpx[1])
}

/**
 * 关怀模式 makes buttons 120rpx (≥ 60dp, MIIT's tap target for the elder version): the 重新上传 and
 * 删除 under a photo on the three forms with photos are tapped by the same shaky finger, and grow
 * with them; in the standard look they stay a finger high (96rpx).
 */
describe('mini-program: in 关怀模式 the actions under a photo grow with the buttons', () => {
  const tiles: Array<[string, string]> = [
    ['pages/case/new.wxss', '.photo__action'],
    ['pages/records/report.wxss', '.photo__action'],
    ['pages/suggestion/new.wxss', '.sg-photo__action'],
  ]

  for (const [file, selector] of tiles) {
    it(`${file}: 重新上传 / 删除 are 120rpx high in 关怀模式, 96rpx otherwise`, () => {
      const height = declarations(file, selector).get('min-height')
      expect(height, `${selector} sets a height`).to.be.a('string')
      expect(resolve(height!, true), 'in 关怀模式').to.be.at.least(120)
      expect(resolve(height!, false), 'in the standard look').to.be.at.least(96)
      expect(resolve(height!, true), 'as tall as a button in 关怀模式').to.equal(
        resolve(declarations('app.wxss', '.shell.care').get('--td-button-medium-height')!, true),
      )
    })
  }
})
