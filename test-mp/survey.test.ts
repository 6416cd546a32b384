import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { ballotBody, consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdAgreedPhone, holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { follow, openPage } from './harness/page.js'
import { created, office, tapInside, typeInside, typeInto } from './office.js'

/**
 * 问卷 / 征求意见 / 票决: a resident answers a questionnaire whose condition hides a
 * question, comments on one article of a draft regulation, and a deputy casts a ballot.
 */
describe('mini-program: surveys, consultations and ballots', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('answers a questionnaire opened from its poster; a condition hides a question until its answer shows it', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    await holdAgreedPhone(app, 'o-survey-resident')
    // The poster's code opens the mini-program on its home page with the scene v=<code>.
    await openPage(`pages/index/index?scene=${encodeURIComponent(`v=${survey.shortCode}`)}`)
    const page = await follow()
    expect(page.path).to.equal('pages/survey/answer')
    expect(page.textOf('.kind')).to.equal('问卷')
    expect(page.text()).to.include('社区绿化满意度调查').and.include('请选 1 至 2 项').and.include('最多 200 字')
    expect(page.text(), 'hidden until 是 is chosen').not.to.include('每周去几次？')

    await tapInside(page, '.q-q1', '.option', 0) // 是
    expect(page.text()).to.include('每周去几次？').and.include('请填 0 至 21 之间的数')
    await tapInside(page, '.q-q1', '.option', 1) // 否
    expect(page.text()).not.to.include('每周去几次？')

    await page.tap('.submit')
    expect(page.textOf('.error')).to.include('第 3 题“对现有绿化的满意度”')
    await tapInside(page, '.q-q3', '.point', 3) // 4 分
    expect(page.text()).to.include('已选 4 分')
    await typeInside(page, '.q-q4', '.area', '多种些树')
    await page.tap('.submit')
    expect(page.text()).to.include('已送出，谢谢您的参与')

    const results = await organizer.get(`/api/admin/surveys/${survey.id}/results`)
    expect(results.body.responses).to.equal(1)
    const q5 = results.body.questions.find((q: { questionId: string }) => q.questionId === 'q5')
    expect(q5.answered, 'the hidden question was not sent').to.equal(0)

    const again = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(again.text()).to.include('您已经送出过了，每人限一次')
  })

  it('tells a resident that a questionnaire addressed to named deputies is not theirs, before they fill it in', async () => {
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody({ title: '代表履职情况问卷', audience: { deputyIds: ['dp0001'] } })))
    holdPhone(app, 'o-forwarded-resident')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(page.text()).to.include('代表履职情况问卷')
    expect(page.textOf('#asked-others')).to.equal('这份问卷只请受邀的人大代表填写，您不用填。')
    expect(page.text(), 'no questions to fill in for nothing').not.to.include('您是否经常去社区公园？')
    expect(page.component.querySelector('.submit'), 'and nothing to submit').not.to.exist
    // No deadline she need keep, nor what it keeps of an answer she will not give: its state alone.
    expect(page.textOf('.meta')).to.equal('代表们正在填写').and.not.include('请在')
    // One way on, in place of a page with nothing to tap.
    expect(page.has('#home')).to.equal(true)
    expect(page.text()).to.match(/您不用填。\s*回到首页$/)
    await page.tap('#home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })

    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const asked = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(asked.text()).to.include('您是否经常去社区公园？').and.not.include('只请受邀的人大代表')
  })

  it('tells a resident that a consultation, or a ballot, for named deputies is not hers, in its own words', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ audience: { deputyIds: ['dp0001'] } })))
    holdPhone(app, 'o-consultation-not-asked')
    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(page.textOf('#asked-others')).to.equal('这次征求意见只请受邀的人大代表提意见，您不用提。')
    expect(page.textOf('.meta')).to.equal('正在向代表征求意见')
    expect(page.text()).to.match(/您不用提。\s*回到首页$/)
    expect(page.text(), 'a 征求意见 is not a 问卷').not.to.include('问卷')

    const ballot = await created(
      organizer.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } })),
    )
    const vote = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
    expect(vote.textOf('#asked-others')).to.equal('这次票决只请名单上的人大代表投票，您不用投。')
    expect(vote.textOf('.meta')).to.equal('代表们正在投票')
  })

  it('comments on one article of a draft regulation', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody()))
    await holdAgreedPhone(app, 'o-consultation-resident')
    const page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(page.text()).to.include('立法征求意见').and.include('第十二条').and.include('新建居住区绿地率不得低于百分之三十。')

    // The first article's box stays empty; the second gets the comment.
    await typeInto(page.component.querySelectorAll('.comment')[1], '建议提高到百分之三十五')
    await page.tap('.submit')
    expect(page.text()).to.include('意见已送出，谢谢您参与立法')

    const opinions = await organizer.get(`/api/admin/surveys/${consultation.id}/opinions`)
    expect(opinions.body.items.map((o: { articleId: string; text: string }) => `${o.articleId} ${o.text}`)).to.deep.equal(['a2 建议提高到百分之三十五'])
  })

  it('casts a ballot: 选 1 至 2 项 among the candidate projects, never a third, and only after confirming it cannot be changed', async () => {
    const organizer = await office(app)
    const ballot = await created(
      organizer.post(
        '/api/admin/surveys',
        ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002', 'dp0003'] } } }),
      ),
    )
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const list = await openPage('pages/survey/index')
    expect(list.textOf('.survey')).to.include('民生实事项目票决').and.include('2027年民生实事项目票决').and.include('去投票')
    await list.tap('.survey')
    const page = await follow()
    expect(page.text()).to.include('民生实事项目票决').and.include('候选项目').and.include('请选 1 至 2 项').and.include('老旧小区加装电梯')

    await tapInside(page, '.q-projects', '.option', 0)
    await tapInside(page, '.q-projects', '.option', 2)
    await tapInside(page, '.q-projects', '.option', 1)
    expect(page.text()).to.include('最多只能选 2 项，请先取消一项')
    expect(page.textOf('.final-note'), 'said before the button, not after the tap').to.include('投票后不能更改')

    // 再想想: nothing is cast, the choices stay as they were.
    phone.modalAnswers.push(false)
    await page.tap('.submit')
    expect(phone.modals).to.deep.equal([{ title: '确认投票', content: '您选择了：老旧小区加装电梯、口袋公园。投票后不能更改，确定投票吗？' }])
    expect(page.text()).not.to.include('投票成功')
    expect(phone.requests.filter((r) => r.endsWith('/responses'))).to.deep.equal([])

    // 确定: the vote goes.
    phone.modalAnswers.push(true)
    await page.tap('.submit')
    expect(phone.modals).to.have.length(2)
    expect(page.text()).to.include('投票成功，谢谢')

    await created(organizer.post(`/api/admin/surveys/${ballot.id}/close`))
    const results = await organizer.get(`/api/admin/surveys/${ballot.id}/results`)
    expect(results.body.ballot.ballotsCast).to.equal(1)
    expect(results.body.ballot.projects.map((p: { label: string; votes: number }) => `${p.label} ${p.votes}`)).to.deep.equal([
      '老旧小区加装电梯 1',
      '口袋公园 1',
      '社区食堂 0',
    ])
  })
})
