import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, tapInside } from './office.js'

/** Its kind above its name, and the kind in the bar at the top (a 征求意见 is never called a 问卷). */
function saysWhatItIs(page: MpPage, kind: string, name: string, bar = kind) {
  expect(page.textOf('.kind'), 'what it is').to.equal(kind)
  expect(page.textOf('.title'), 'its name').to.equal(name)
  expect(page.title(), 'the bar at the top').to.equal(bar)
}

/**
 * 票决 and 实名问卷 as the person meets them: a deputy's double tap on 投票 asks once and
 * casts one vote, the ballot reopened says he has voted, and a named questionnaire says it is
 * named before she answers it, once, on its meta line, as an anonymous one says it keeps no name.
 */
describe('mini-program: a ballot votes once, and a named survey says so before she answers', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a double tap on 投票 shows one confirmation and casts one vote; reopened, the ballot says he has voted', async () => {
    const organizer = await office(app)
    const ballot = await created(
      organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
    )
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const page = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    await tapInside(page, '.q-projects', '.option', 0)

    // Two taps before the dialog opens; he would confirm each dialog he saw.
    phone.modalAnswers.push(true, true)
    await Promise.all([page.tap('.submit'), page.tap('.submit')])
    expect(phone.modals, 'one dialog').to.deep.equal([{ title: '确认投票', content: '您选择了：老旧小区加装电梯。投票后不能更改，确定投票吗？' }])
    expect(
      phone.requests.filter((r) => r.endsWith('/responses')),
      'one vote sent',
    ).to.have.length(1)
    expect(page.textOf('.done')).to.equal('投票成功，谢谢')

    const again = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    saysWhatItIs(again, '代表票决', '2027年民生实事项目票决')
    expect(again.textOf('.done')).to.equal('您已经投过票了，每位代表投一次，投后不能更改。谢谢！')
    expect(again.text(), 'a ballot, not a questionnaire').not.to.include('送出过了')
  })

  it('再想想 after the confirmation leaves 投票 ready to tap again', async () => {
    const organizer = await office(app)
    const ballot = await created(
      organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001'] } } })),
    )
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const page = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    await tapInside(page, '.q-projects', '.option', 1)
    phone.modalAnswers.push(false, true)
    await page.tap('.submit')
    expect(phone.modals, 'asked once').to.have.length(1)
    expect(page.text(), 'his choice kept, and 投票 under it')
      .to.include('社区食堂✓ 已选')
      .and.match(/投票后不能更改，请选好再投投票$/)
    expect(page.has('.done'), 'no vote cast').to.equal(false)
    await page.tap('.submit')
    expect(phone.modals, '投票 tapped again asks again').to.have.length(2)
    expect(page.textOf('.done')).to.equal('投票成功，谢谢')
  })

  it('a named questionnaire and consultation say so above the questions; each once, by the meta line; an anonymous one says it keeps no name', async () => {
    const organizer = await office(app)
    const named = await created(organizer.post('/api/admin/surveys', surveyBody({ anonymous: false })))
    const secret = await created(organizer.post('/api/admin/surveys', surveyBody({ title: '社区议事满意度调查', anonymous: true })))
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: false })))
    await holdAgreedPhone(app, 'o-named-survey-resident')

    const page = await openPage(`pages/survey/answer?surveyId=${named.id}`)
    saysWhatItIs(page, '问卷', '社区绿化满意度调查')
    expect(page.textOf('.meta')).to.include('正在填写 · 会记下是您填的，只有人大工作人员能看到')
    const said = page.text()
    expect(said.indexOf('会记下是您填的'), 'before the first question').to.be.below(said.indexOf('您是否经常去社区公园？'))
    expect(said.split('记下').length - 1, 'who sees what is said once').to.equal(1)
    expect(said).not.to.include('不用写名字').and.not.include('公开您是谁')

    const anonymous = await openPage(`pages/survey/answer?surveyId=${secret.id}`)
    saysWhatItIs(anonymous, '问卷', '社区议事满意度调查')
    expect(anonymous.textOf('.meta')).to.include('匿名，不会记下是谁填的').and.not.include('记下是您填的')
    expect(anonymous.text(), 'its questions').to.include('1.您是否经常去社区公园？')
    expect(anonymous.has('.named-note')).to.equal(false)

    const draft = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    saysWhatItIs(draft, '立法征求意见', '青澜市城市绿化条例（草案）征求意见', '征求意见')
    expect(draft.textOf('.meta')).to.include('正在征求意见 · 会记下是您提的，只有人大工作人员能看到')
    expect(draft.textOf('.named-note'), 'why it is kept, not who sees it again').to.equal('意见是否采纳，以后会告诉您。')
  })
})
