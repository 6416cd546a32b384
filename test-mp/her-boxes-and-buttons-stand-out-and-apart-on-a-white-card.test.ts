import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { MP_ROOT } from './harness/runtime.js'
import { declarations } from './harness/stylesheets.js'
import { collectingCycle, created, office, phoneOfZhang } from './office.js'
import { withWidgetsDrawn } from './screens/render-widgets.js'

/**
 * A reviewer read the pages as 王阿姨 (72) would. On a white card an outline button (查看全文, 查看会议详情, 拍照或选照片)
 * showed TDesign's pale #dcdcdc frame, next to nothing; a box to type in on 提民生实事建议 showed no frame at all; 参加
 * and 请假 touched each other (a rule on the tag t-button, which WeChat does not apply to a custom component); the
 * yellow 您不用填 box touched 回到首页; and her 2 分（不满意） broke in two beside the stars.
 */
describe('mini-program: her boxes and buttons stand out on a white card and apart from each other', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** Whether the TDesign component a selector names sits in a `.btn` (app.wxss: a margin above and below it). */
  const inBtn = (page: MpPage, selector: string) => {
    const found = page.component.querySelector(selector)
    if (!found) throw new Error(`nothing matches ${selector}`)
    for (let n = found._exparserNode; n; n = n.parentNode)
      if (
        String(n.$$?.className ?? '')
          .split(/\s+/)
          .some((c) => c.endsWith('--btn'))
      )
        return true
    return false
  }

  it('an outline button is framed as dark as the 微信手机号 button, through the variable TDesign reads', () => {
    const page = declarations('app.wxss', 'page')
    expect(page.get('--td-button-default-outline-border-color')).to.equal('#707070')
    expect(declarations('pages/case/new.wxss', '.phone-button').get('border')).to.equal('2rpx solid #707070')
    // The name is TDesign's own, or the frame stays pale.
    const tdesign = readFileSync(join(MP_ROOT, 'miniprogram_npm/tdesign-miniprogram/button/button.wxss'), 'utf8')
    expect(tdesign).to.include('.t-button--outline::after{border-color:var(--td-button-default-outline-border-color,')
  })

  it('参加 and 请假 each stand in their own spaced row, as 查看会议详情 does at the door', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.text()).to.include('参加').and.include('请假')
    expect(inBtn(page, '.attend'), '参加').to.equal(true)
    expect(inBtn(page, '.start-leave'), '请假').to.equal(true)
    await page.tap('.start-leave')
    expect(inBtn(page, '.leave'), '提交请假').to.equal(true)
    expect(inBtn(page, '.cancel-leave'), '先不请假，返回').to.equal(true)
    expect(declarations('app.wxss', '.btn').get('margin')).to.equal('24rpx 0')
    const detail = readFileSync(join(MP_ROOT, 'pages/meetings/detail.wxss'), 'utf8')
    expect(detail, 'a rule WeChat never applies').not.to.match(/\st-button\s*\{/)

    // Signed in at the door: 查看会议详情 stands apart from 签到时间 above it.
    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40, check-in open
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.big')).to.equal('已签到')
    expect(door.text()).to.include('查看会议详情')
    expect(inBtn(door, '.open'), '查看会议详情').to.equal(true)
  })

  it('on 我的履职档案 the year buttons and 述职报告, 述职评议结果 each stand in a spaced .btn, not under a tag rule', async () => {
    await phoneOfZhang(app)
    const record = await openPage('pages/records/index')
    expect(record.text()).to.include('述职评议结果')
    for (const [selector, words] of [
      ['.year-prev', '看上一年'],
      ['.open-report', '查看述职报告'],
      ['.open-appraisals', '述职评议结果'],
    ]) {
      expect(inBtn(record, selector), words).to.equal(true)
    }
    await record.tap('.year-prev')
    expect(inBtn(record, '.year-this'), '回到今年').to.equal(true)
    // Side by side, half the row each: the rule is on the .btn, which WeChat applies.
    expect(declarations('pages/records/index.wxss', '.years .btn').get('flex')).to.equal('1')
    const sheet = readFileSync(join(MP_ROOT, 'pages/records/index.wxss'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    expect(sheet, 'a rule WeChat never applies').not.to.match(/\st-button\s*\{/)
  })

  it('the four fields of a 民生实事 proposal are framed boxes, and 为什么要办 says it may be left empty', async () => {
    const cycle = await collectingCycle(app)
    holdPhone(app, 'o-boxes-propose')
    const form = await openPage(`pages/projects/propose?cycleId=${cycle.id}`)
    for (const field of ['#title', '#description', '#place', '#reason']) {
      expect(form.component.querySelector(field)._exparserNode.classList.contains('framed'), field).to.equal(true)
    }
    const framed = declarations('pages/projects/propose.wxss', '.framed')
    expect(framed.get('border')).to.equal('2rpx solid #999')
    expect(framed.get('border-radius')).to.equal('12rpx')
    const shown = withWidgetsDrawn([form.component], form.root)
    expect(Array.from(shown.querySelectorAll('.shot-placeholder')).map((e) => e.textContent)).to.include('为什么要办这件事（可以不填）')
  })

  it('on the write page 或者自己填写电话 stands whole above its box, and the 微信手机号 button has one frame', async () => {
    holdPhone(app, 'o-boxes-write')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    expect(write.text()).to.include('或者自己填写电话')
    const phoneField = write.component.querySelector('#phone')._exparserNode
    expect(phoneField.classList.contains('phone-field')).to.equal(true)
    // TDesign cuts a label at 5 characters, beside the box; here it has the width of the box, above it.
    expect(declarations('pages/case/new.wxss', '.phone-field').get('--td-input-label-max-width')).to.equal('none')
    const layout = phoneField.shadowRoot?.childNodes.find((n: any) => n.$$)?.$$?.className
    expect(String(layout)).to.include('layout-vertical')
    expect(declarations('pages/case/new.wxss', '.phone-button::after').get('border'), "WeChat's own frame inside its own").to.equal('none')
  })

  it('her rating words stand on their own line under the stars, in the standard look and in 关怀模式', () => {
    // One rule for both looks: 关怀模式 only raises the sizes (app.wxss .shell.care).
    const row = declarations('pages/case/detail.wxss', '.rate-row')
    expect(row.get('display')).to.equal('flex')
    expect(row.get('flex-direction')).to.equal('column')
    expect(declarations('pages/case/detail.wxss', '.rate-word').has('margin-left'), 'no gap beside stars it is not beside').to.equal(false)
    const care = readFileSync(join(MP_ROOT, 'app.wxss'), 'utf8')
    expect(care, 'no 关怀模式 rule puts it back beside them').not.to.include('rate-row')
  })

  it('the yellow 您不用填 box keeps its distance from 回到首页 under it', () => {
    expect(parseFloat(declarations('pages/survey/answer.wxss', '.state').get('margin-bottom') ?? '0')).to.be.at.least(24)
  })
})
