import { expect } from 'chai'
import { createRequire } from 'node:module'
import { meetingBody } from '../test/helpers/meetings.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
const { timeApart } = require('../miniprogram/utils/time-apart.js') as { timeApart(text: string): Array<{ text: string; time: boolean }> }

/** The pieces of a line drawn whole (class "whole"), each never broken inside. */
const whole = (page: MpPage, selector: string): string[] =>
  page.component.querySelectorAll(`${selector} .whole`).map((p: { dom: HTMLElement }) => p.dom.textContent)
const lines = (page: MpPage, selector: string): string[] => page.component.querySelectorAll(selector).map((p: { dom: HTMLElement }) => p.dom.textContent)

/**
 * Dates kept whole left the words beside them alone: her quiz list read "进行中 · 请在 / 11月27日（星期五）下午5:00前答 /
 * 题", a questionnaire "…前填 / 写 · 记下是谁填的", a consultation "…前提 / 意见"; in 关怀模式 the door said "时间：" and
 * "会议已于" alone on a line; her old message "2029年11月23日 10:05 / 提交" and "查看详情 / ›". Now a state and a
 * deadline are two lines, the short word after a date goes with it, and where a date, its time and the words around
 * them are wider than a 关怀模式 line, the date and the time part, each with its word.
 */
describe('mini-program: a short word beside a date is never left alone on a line', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('her quiz list: 进行中 on its line, 请在…前答题 on the next, 答题 with its time', async () => {
    await quizWithBank(app, await office(app), { closesAt: '2026-11-27T09:00:00Z' })
    await holdAgreedPhone(app, 'o-liu-nainai-quiz-lines')
    const list = await openPage('pages/quiz/index')
    expect(lines(list, '.quiz .meta').slice(0, 2)).to.deep.equal(['进行中', '请在11月27日（星期五）下午5:00前答题'])
    expect(whole(list, '.quiz .deadline')).to.deep.equal(['请在11月27日（星期五）', '下午5:00前答题'])
  })

  it('a questionnaire and a consultation: what it keeps on one line, until when on the next, 填写 and 提意见 whole', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    await holdAgreedPhone(app, 'o-liu-nainai-survey-lines')
    const form = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(lines(form, '.meta .meta-line')).to.deep.equal(['正在填写 · 会记下是您填的，只有人大工作人员能看到', '请在11月30日（星期一）晚上6:00前填写'])
    expect(whole(form, '.meta')).to.deep.equal(['请在11月30日（星期一）', '晚上6:00前填写'])
    const draft = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(lines(draft, '.meta .meta-line'), 'a consultation keeps who gave opinions, not who filled it in').to.deep.equal([
      '正在征求意见 · 会记下是您提的，只有人大工作人员能看到',
      '请在11月30日（星期一）晚上6:00前提意见',
    ])
    expect(lines(draft, '.subtitle')[0], 'its heading alone; what she may do under it').to.equal('草案条文')
    expect(whole(draft, '.meta')).to.deep.equal(['请在11月30日（星期一）', '晚上6:00前提意见'])
  })

  it('the short word after a shorter date goes with it; a date with its year is kept from its time and the word', () => {
    const pieces = (text: string) => timeApart(text).map((p) => (p.time ? `[${p.text}]` : p.text))
    expect(pieces('请于11月26日 10:00前受理。')).to.deep.equal(['请于', '[11月26日 10:00前受理。]'])
    expect(pieces('截止 12月2日 周三 10:00 前可以取消。'), 'only 前 of a longer word').to.deep.equal(['截止 ', '[12月2日 周三 10:00 前]', '可以取消。'])
    expect(pieces('上午9:00 至 上午11:30'), '至 joins, and goes with neither').to.deep.equal(['[上午9:00]', ' 至 ', '[上午11:30]'])
    expect(pieces('请在2026年12月12日（星期六）下午12:30前提意见')).to.deep.equal(['请在', '[2026年12月12日（星期六）]', '[下午12:30前提意见]'])
  })

  it('his to-do line in 关怀模式: （含当日） whole, 前 with its date', async () => {
    phone.storage.set('care.mode', 'on')
    const resident = await asResident(app, 'o-zhao-whole-day')
    const rail = await created(resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${rail.id}/acknowledge`, {})).status).to.equal(200)
    const workbench = await openPage('pages/deputy/index')
    const row = workbench.component.querySelectorAll('.task').find((t: { dom: HTMLElement }) => t.dom.textContent!.includes(rail.ticket))
    // The row's own element (the page's classes are prefixed where it is drawn).
    const todo = row.dom.querySelector('[class~="main--todo"]') as HTMLElement
    expect(todo.textContent).to.equal('请在12月16日（星期三）前（含当日）答复，还有 21 天到期')
    // It broke as "前（含当 / 日）答复": 前 stays with its date, and （含当日） with the word after it.
    expect([...todo.querySelectorAll('[class~="main--whole"]')].map((p) => p.textContent)).to.deep.equal(['12月16日（星期三）前', '（含当日）答复，'])
    expect(
      timeApart('答复期限为12月14日前（含当日）').map((p) => (p.time ? `[${p.text}]` : p.text)),
      'at the end, with its date',
    ).to.deep.equal(['答复期限为', '[12月14日前（含当日）]'])
  })

  it('at the door in 关怀模式: 时间： on its own line, 会议已于 with its date', async () => {
    phone.storage.set('care.mode', 'on')
    expect(declarations('app.wxss', '.label-line').get('display')).to.equal('var(--label-display, inline)')
    expect(declarations('app.wxss', '.shell.care').get('--label-display'), 'a line of its own in 关怀模式 only').to.equal('block')
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({ title: '湛河区人大代表履职培训班', startAt: '2026-12-01T09:00:00+08:00', endAt: '2026-12-01T11:30:00+08:00' }),
      ),
    )
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-12-01T01:30:00Z'))
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.big')).to.equal('已签到')
    expect(lines(door, '.when .label-line')).to.deep.equal(['时间：'])
    expect(lines(door, '.at .label-line')).to.deep.equal(['签到时间：'])
    expect(door.textOf('.when')).to.equal('时间：12月1日（星期二）上午9:00 至 上午11:30')

    app.clock.set(new Date('2026-12-01T04:00:00Z'))
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const late = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(whole(late, '.refusal')[0]).to.equal('会议已于12月1日（星期二）')
  })

  it('her message from last year in 关怀模式: its date and 送出 whole, 查看详情 › whole beside or below it', async () => {
    app.clock.set(new Date('2029-11-23T02:05:00Z'))
    const zhao = await asResident(app, 'o-zhao-old-card')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '光明社区楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
    app.clock.set(new Date('2030-03-02T01:00:00Z'))
    holdPhone(app, 'o-zhao-old-card')
    phone.storage.set('care.mode', 'on')
    const list = await openPage('pages/case/list')
    const card = list.component.querySelector(`#case-${lamp.ticket}`)
    expect(card.querySelectorAll('.case-card__when').map((p: { dom: HTMLElement }) => p.dom.textContent)).to.deep.equal([
      '2029年11月23日（星期五）上午10:05送出',
    ])
    // Wider than a 关怀模式 line: it breaks only between its date and its time, 送出 kept with the time.
    expect(card.querySelectorAll('.case-card__when .whole').map((p: { dom: HTMLElement }) => p.dom.textContent)).to.deep.equal([
      '2029年11月23日（星期五）',
      '上午10:05送出',
    ])
    // Where it stands, each clause whole: "…代表还没有 / 看" left one character alone.
    const state = card
      .querySelector('.case-card__state')
      .querySelectorAll('.badge__part')
      .map((p: { dom: HTMLElement }) => p.dom.textContent)
    expect(state).to.deep.equal(['已交给张伟代表，', '代表还没有看'])
    expect(declarations('components/status-badge/status-badge.wxss', '.badge__part').get('white-space')).to.equal('nowrap')
    const more = declarations('components/case-card/case-card.wxss', '.case-card__more')
    expect([more.get('white-space'), more.get('flex-shrink')]).to.deep.equal(['nowrap', '0'])
    expect(declarations('components/case-card/case-card.wxss', '.case-card__foot').get('flex-wrap'), 'the link goes below when both do not fit').to.equal(
      'wrap',
    )
  })
})
