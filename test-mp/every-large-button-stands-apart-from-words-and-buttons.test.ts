import { expect } from 'chai'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MP_ROOT } from './harness/runtime.js'
import { declarations } from './harness/stylesheets.js'

/**
 * WeChat does not apply a rule on the tag t-button, so a button spaces itself only in a view that carries the space:
 * app.wxss's .btn (24rpx above and below). Outside one, 交卷, 发送答复, 报名, 打卡 and 保存 sat right under the words or
 * the box above them (a red refusal, 改好后请点下面的“保存”, the box for her name), and 恢复接收新留言 on top of
 * 修改暂停的日子. Every full-width button in the pages and components stands in a .btn, or in one of the few places
 * below that space it themselves.
 */
const SPACED_OTHERWISE: Record<string, string> = {
  'read-report': 'pages/records/appraise.wxss .read-report: its own margin above',
  'to-appraise': 'pages/records/annual.wxss .to-appraise: its own margin above',
  'call-contact': 'pages/meetings/detail.wxss .call-contact: its own margin above',
  'notice-bar__yes': 'the bar at the foot of the short notice: its two buttons one above the other, spaced by the bar',
  'notice-bar__no': 'the same bar',
  'consent-bar__yes': 'the same bar, in the privacy-consent component',
  'consent-bar__no': 'the same bar',
  unfollow: 'pages/study/campaign.wxss .unfollow: a wide margin above, quiet at the foot',
  btn: 'pages/deputy/digest.wxml: the class btn on the button itself',
}

/** Every .wxml under a folder of the mini-program. */
const wxmlUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wxmlUnder(join(dir, e.name)) : e.name.endsWith('.wxml') ? [join(dir, e.name)] : [],
  )

/** Each full-width t-button of a WXML file, with the classes of the views around it and its own. */
function blockButtons(file: string) {
  const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '')
  const stack: { tag: string; classes: string[] }[] = []
  const found: { where: string; classes: string[]; around: string[] }[] = []
  for (const m of text.matchAll(/<(\/?)([a-z][-a-z0-9]*)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
    const [, close, tag, attrs, self] = m
    if (close) {
      while (stack.length && stack.pop()?.tag !== tag);
      continue
    }
    const classes = (attrs.match(/\sclass="([^"]*)"/)?.[1] ?? '').split(/\s+/).filter(Boolean)
    if (tag === 't-button' && /\sblock[\s=]/.test(`${attrs} `)) {
      const line = text.slice(0, m.index).split('\n').length
      found.push({ where: `${relative(MP_ROOT, file)}:${line}`, classes, around: stack.flatMap((s) => s.classes) })
    }
    if (!self) stack.push({ tag, classes })
  }
  return found
}

describe('mini-program: every full-width button stands apart from the words and buttons around it', () => {
  it('app.wxss gives .btn its space above and below', () => {
    expect(declarations('app.wxss', '.btn').get('margin')).to.equal('24rpx 0')
  })

  it('each stands in a .btn, or where the page spaces it by its own rule', () => {
    const buttons = ['pages', 'components'].flatMap((dir) => wxmlUnder(join(MP_ROOT, dir))).flatMap(blockButtons)
    expect(buttons.length, 'the pages have full-width buttons').to.be.above(100)
    const loose = buttons
      .filter((b) => !b.around.includes('btn'))
      .filter((b) => ![...b.classes, ...b.around.slice(-1)].some((c) => c in SPACED_OTHERWISE))
      .map((b) => b.where)
    expect(loose, 'buttons touching what is around them').to.deep.equal([])
  })

  it('those spaced by their own rule keep it', () => {
    expect(declarations('pages/records/appraise.wxss', '.read-report').get('margin-top')).to.equal('24rpx')
    expect(declarations('pages/records/annual.wxss', '.to-appraise').get('margin-top')).to.equal('32rpx')
    expect(declarations('pages/meetings/detail.wxss', '.call-contact').get('margin-top')).to.equal('24rpx')
    expect(declarations('pages/study/campaign.wxss', '.unfollow').get('margin-top')).to.equal('48rpx')
  })
})
