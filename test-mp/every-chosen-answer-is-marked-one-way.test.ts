import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { asAdmin, asDeputy, asResident, Client } from '../test/helpers/app.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { nextPaperHolds } from '../test/helpers/quizzes.js'
import { backendWithQuiz } from './harness/quiz.js'
import { declarations } from './harness/stylesheets.js'
import { backendWithZhangsAppraisal, collectingCycle, created, phoneOfZhang, pocketParkCandidate, tapInside, yearBallotForAnHour } from './office.js'

/**
 * Wang Ayi cannot tell the blue of a chosen answer from the grey of the others. Every page that asks her (or a deputy)
 * to pick shows the picked one the same way: a thick frame, a ✓ and, where there is room, 已选 beside it in words
 * (styles/choice.wxss and components/chosen-mark). Read from what is drawn, not from a class: the others say neither.
 * And nothing moves under her finger when she taps: the chosen box keeps its size and its words their place.
 */

interface Shown {
  text: string
  /** Drawn with the frame of a chosen answer. */
  framed: boolean
  /** What fixes its size and where its words stand (see boxOf). */
  box: string
}

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

/** Each choice matching `selector` (inside the component `outer`, when given) as drawn: its words and its frame. */
function choices(page: MpPage, selector: string, outer?: string): Shown[] {
  const host = outer ? page.component.querySelector(outer) : page.component
  if (!host) throw new Error(`nothing matches ${outer}; the page shows: ${page.text().slice(0, 300)}`)
  return host.querySelectorAll(selector).map((c: any) => ({
    text: squash(c.dom.textContent),
    framed: frameWidth(c.dom) > THIN,
    box: boxOf(c.dom),
  }))
}

/** The thin frame of a choice not picked, in px as the harness draws rpx. */
const THIN = 2

/**
 * The thickness of an element's frame as its page's stylesheet draws it (styles/choice.wxss, imported where it is
 * used): its border and, around it, a solid ring (a shadow with no offset and no blur) drawn as much thicker.
 */
function frameWidth(element: Element): number {
  const style = getComputedStyle(element)
  return (parseFloat(style.borderTopWidth) || 0) + ringWidth(style.boxShadow)
}

/** The spread of a box-shadow that draws a solid ring round the box ("0 0 0 4px #0052d9", or 4rpx in a stylesheet); 0 for none or a blur. */
function ringWidth(shadow: string): number {
  // Colours such as rgba(0, 0, 0, 0.3) hold commas of their own: out before the shadows are split.
  return Math.max(
    0,
    ...(shadow ?? '')
      .replace(/(rgba?|hsla?)\([^)]*\)/g, '')
      .split(',')
      .filter((one) => !/\binset\b/.test(one))
      .map((one) =>
        one
          .split(/\s+/)
          .filter((word) => /^-?[\d.]+(px|rpx)?$/.test(word))
          .map((length) => parseFloat(length)),
      )
      .map(([x, y, blur, spread]) => (x === 0 && y === 0 && blur === 0 && spread > 0 ? spread : 0)),
  )
}

/** The margins, border widths and paddings that set a box's size and where its words stand in it, as computed. */
const BOX = ['Top', 'Right', 'Bottom', 'Left'].flatMap((side) => [`margin${side}`, `border${side}Width`, `padding${side}`])

/**
 * A choice's box, in what sets it: the simulator lays nothing out, so no position can be measured, but a box whose
 * margins, border widths, paddings, sizing and set sizes stay the same keeps its size and its words where they were.
 */
function boxOf(element: Element): string {
  const style = getComputedStyle(element) as unknown as Record<string, string>
  return [...BOX, 'boxSizing', 'width', 'height', 'minHeight'].map((name) => `${name} ${style[name] || '0'}`).join('; ')
}

/** Tapping moved nothing: each choice takes the room it took before the tap and keeps its words where they were. */
function expectSteady(before: Shown[], after: Shown[]) {
  expect(after.length, 'choices on the screen after the tap').to.equal(before.length)
  after.forEach((c, i) => expect(c.box, `choice ${i} (${c.text}) keeps its size and its words' place`).to.equal(before[i].box))
}

/** Exactly the `nths` choices are marked: ✓ and (words) 已选 in their text and the thick frame; the others neither. */
function onlyMarked(shown: Shown[], nths: number[], words = true) {
  expect(shown.length, 'choices on the screen').to.be.above(1)
  shown.forEach((c, i) => {
    if (nths.includes(i)) {
      expect(c.text, `choice ${i}, picked`).to.include('✓')
      if (words) expect(c.text, `choice ${i}, picked`).to.include('已选')
      expect(c.framed, `choice ${i} framed as picked`).to.equal(true)
    } else {
      expect(c.text, `choice ${i}, not picked`).not.to.include('✓').and.not.include('已选')
      expect(c.framed, `choice ${i} framed as not picked`).to.equal(false)
    }
  })
}

describe('mini-program: every chosen answer is marked one way, ✓ 已选 and a thick frame, never colour alone', () => {
  it('the shared frame of a chosen answer is thicker than the frame of the others, and takes no more room', () => {
    const plain = declarations('styles/choice.wxss', '.choice')
    const on = declarations('styles/choice.wxss', '.choice.on')
    const border = (rule: Map<string, string>) => rule.get('border-width') ?? rule.get('border')
    // The chosen box keeps the border of the others (a thicker one pushed its words and the rows under it down) …
    const plainBorder = parseFloat(border(plain) ?? '0')
    const onBorder = parseFloat(border(on) ?? border(plain) ?? '0')
    expect(plainBorder, 'the frame of a choice not picked').to.equal(THIN)
    expect(onBorder, 'the border of a chosen answer: as the others, so that the box keeps its size').to.equal(plainBorder)
    for (const room of ['margin', 'padding', 'width', 'height']) expect(on.has(room), `.choice.on sets no ${room} of its own`).to.equal(false)
    // … and draws its thickness as a ring outside it, which takes no room: 6rpx in all, thrice the others'.
    expect(onBorder + ringWidth(on.get('box-shadow') ?? ''), 'the frame of a chosen answer, border and ring').to.be.at.least(3 * plainBorder)
    expect(on.get('font-weight')).to.equal('bold')
  })

  describe('her questionnaire, consultation and 1–5 rating; a deputy’s ballot; a 述职 appraisal; her stars; his own pickers', () => {
    let app: Backend
    beforeEach(async () => {
      app = await startBackend()
    })
    afterEach(() => app.close())

    it('a questionnaire: the option she taps and the score she gives; a consultation’s question too', async () => {
      const organizer = await asAdmin(app)
      const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
      await holdAgreedPhone(app, 'o-marked-survey')
      const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
      const untapped = choices(page, '.option', '.q-q1')
      onlyMarked(untapped, [])
      await tapInside(page, '.q-q1', '.option', 1)
      onlyMarked(choices(page, '.option', '.q-q1'), [1])
      expectSteady(untapped, choices(page, '.option', '.q-q1'))
      await tapInside(page, '.q-q1', '.option', 0)
      onlyMarked(choices(page, '.option', '.q-q1'), [0])
      // A fifth of a row holds the ✓ beside its number; 已选 4 分 is said under the boxes.
      const scale = choices(page, '.point', '.q-q3')
      await tapInside(page, '.q-q3', '.point', 3)
      onlyMarked(choices(page, '.point', '.q-q3'), [3], false)
      expectSteady(scale, choices(page, '.point', '.q-q3'))
      expect(choices(page, '.point', '.q-q3')[3].text).to.equal('✓4')
      expect(page.textOf('.q-q3')).to.include('已选 4 分')

      const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
      const draft = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
      await tapInside(draft, '.q-q1', '.option', 0)
      onlyMarked(choices(draft, '.option', '.q-q1'), [0])
    })

    it('a ballot: each project the deputy picks, and only those', async () => {
      const organizer = await asAdmin(app)
      const ballot = await created(
        organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
      )
      await asDeputy(app, 'dp0001')
      holdPhone(app, 'o-deputy-dp0001')
      const page = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
      const untapped = choices(page, '.option', '.q-projects')
      await tapInside(page, '.q-projects', '.option', 0)
      await tapInside(page, '.q-projects', '.option', 2)
      onlyMarked(choices(page, '.option', '.q-projects'), [0, 2])
      expectSteady(untapped, choices(page, '.option', '.q-projects'))
    })

    it('a 述职 appraisal: her community, her score and her verdict', async () => {
      app.close()
      const appraisal = await backendWithZhangsAppraisal()
      app = appraisal.app
      await holdAgreedPhone(app, 'o-marked-appraiser')
      const page = await openPage(`pages/records/appraise?surveyId=${appraisal.surveyId}`)
      await page.tap('.c-c010101')
      onlyMarked(choices(page, '.community'), [0])
      await tapInside(page, '.q-verdict', '.option', 0)
      onlyMarked(choices(page, '.option', '.q-verdict'), [0])
      await tapInside(page, '.q-overall', '.point', 4)
      onlyMarked(choices(page, '.point', '.q-overall'), [4], false)
    })

    it('her rating of an answer: ✓ 已选 beside her score in words, the stars framed', async () => {
      const zhang = await asDeputy(app, 'dp0001')
      const resident = await asResident(app, 'o-marked-stars')
      const lamp = await created(resident.post('/api/mp/cases', { text: '建设路的路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' }))
      await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，本周五前修好。' }))
      holdPhone(app, 'o-marked-stars')
      const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
      expect(page.textOf('.rate-row'), 'nothing chosen yet').not.to.include('✓').and.not.include('已选')
      const untapped = choices(page, '.rate-row')
      await page.emit('#rate', 'change', { value: 4 })
      const [stars] = choices(page, '.rate-row')
      expect(stars.framed, 'her stars framed as chosen').to.equal(true)
      // The stars stay under her finger: the row neither grows nor moves them when it is framed.
      expectSteady(untapped, [stars])
      expect(page.textOf('.rate-chosen')).to.match(/^4 分（.+）✓ 已选$/)
    })

    it('a deputy’s rating of the answer to his suggestion: the one he taps', async () => {
      const zhang = await phoneOfZhang(app)
      const draft = await created(zhang.post('/api/mp/deputy/suggestions', { title: '关于老旧小区加装电梯的建议', body: '建议财政补贴老旧小区加装电梯。' }))
      await created(zhang.post(`/api/mp/deputy/suggestions/${draft.id}/submit`))
      const organizer = await asAdmin(app)
      await created(organizer.post(`/api/admin/suggestions/${draft.id}/review`, { decision: 'accept' }))
      await created(organizer.post(`/api/admin/suggestions/${draft.id}/assignment`, { leadUnitId: 'u01' }))
      const unit = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
      await created(unit.post(`/api/unit/suggestions/${draft.id}/answer`, { category: 'in_progress', text: '已列入明年加装电梯计划。' }))
      const detail = await openPage(`pages/suggestion/detail?suggestionId=${draft.id}`)
      await detail.tap('#act')
      const rate = await follow()
      expect(rate.path).to.equal('pages/suggestion/rate')
      onlyMarked(choices(rate, '.sg-score'), [])
      await rate.tap('#score-dissatisfied')
      const shown = choices(rate, '.sg-score')
      onlyMarked(shown, [shown.findIndex((c) => c.text.startsWith('不满意'))])
      expect(rate.textOf('#score-dissatisfied')).to.equal('不满意✓ 已选')
    })

    it('a deputy’s own choices: the kind of activity he reports, why he pauses, how his digest comes', async () => {
      await phoneOfZhang(app)
      const report = await openPage('pages/records/report')
      await report.tap('.kind-inspection')
      const kinds = choices(report, '.kind')
      onlyMarked(kinds, [kinds.findIndex((c) => c.text.startsWith('视察'))])
      // Each page leaves with its stylesheet, or its frame would be drawn on the next page too.
      report.tearDown()

      const away = await openPage('pages/deputy/away')
      await away.tap('.reason-study')
      const reasons = choices(away, '.reason')
      onlyMarked(reasons, [reasons.findIndex((c) => c.text.startsWith('外出学习'))])
      away.tearDown()

      const digest = await openPage('pages/deputy/digest')
      await digest.tap('.way-mp_subscribe')
      const ways = choices(digest, '.way')
      onlyMarked(ways, [ways.findIndex((c) => c.text.startsWith('只发小程序消息'))])
    })
  })

  it('a quiz: the option she taps, and the options of a 多选题 she picks', async () => {
    const { app, quizId } = await backendWithQuiz()
    try {
      // A paper with a 多选题 and another kind: drawn 5 of 10, one paper in twelve holds no 多选题.
      await nextPaperHolds(app, quizId, ['single', 'multiple'])
      await holdAgreedPhone(app, 'o-marked-quiz')
      const list = await openPage('pages/quiz/index')
      await list.tap('.quiz')
      const page = await follow()
      await page.tap('.start')
      const questions = page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string }> }>
      const one = questions.find((q) => q.type !== 'multiple')!
      const untapped = choicesOf(page, one)
      await page.tap(`.opt-${one.number}-${one.options[1].key}`)
      onlyMarked(choicesOf(page, one), [1])
      expectSteady(untapped, choicesOf(page, one))
      const several = questions.find((q) => q.type === 'multiple')
      expect(several, 'a 多选题 on her paper').to.not.equal(undefined)
      await page.tap(`.opt-${several!.number}-${several!.options[0].key}`)
      await page.tap(`.opt-${several!.number}-${several!.options[2].key}`)
      onlyMarked(choicesOf(page, several!), [0, 2])
    } finally {
      app.close()
    }
  })

  it('a deputy’s 民生实事 rating: the grade he taps, a row each with ✓ 已选', async () => {
    const app = await startBackend()
    try {
      // 2027's year, as the office runs it: two candidates, 张伟's vote for it, the result, then the year-end rating.
      const office = await asAdmin(app)
      const cycleId = (await collectingCycle(app)).id
      const project = await created(
        office.post(`/api/admin/livelihood/cycles/${cycleId}/candidates`, {
          title: '老旧小区加装电梯',
          description: '为6层以上无电梯老楼加装电梯',
          place: '湛河区',
          costWan: 300,
          unitId: 'u01',
          proposalIds: [],
        }),
      )
      app.clock.advance(1000)
      await pocketParkCandidate(office, cycleId)
      const { ballotSurveyId } = await yearBallotForAnHour(app, office, cycleId, ['dp0001'])
      await created((await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballotSurveyId}/responses`, { answers: { projects: [project.id] } }))
      app.clock.advance(2 * 3_600_000)
      await created((await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycleId}/ballot-result`))
      app.clock.set(new Date(Math.max(app.clock.now().getTime(), Date.parse('2027-01-15T02:00:00Z'))))
      await created((await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycleId}/rating`))
      holdPhone(app, 'o-deputy-dp0001')
      await openPage('pages/mine/index')
      const page = await openPage('pages/projects/rate')
      await page.tap(`#grade-${project.id}-basically_satisfied`)
      onlyMarked(choices(page, '.grade'), [1])
      expect(page.textOf(`#grade-${project.id}-basically_satisfied`)).to.equal('基本满意✓ 已选')
    } finally {
      app.close()
    }
  })
})

/** The options of one quiz question as drawn. */
function choicesOf(page: MpPage, q: { number: number; options: Array<{ key: string }> }): Shown[] {
  return q.options.flatMap((o) => choices(page, `.opt-${q.number}-${o.key}`))
}
