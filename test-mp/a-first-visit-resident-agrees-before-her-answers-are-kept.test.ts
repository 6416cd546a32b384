import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { backendWithQuiz } from './harness/quiz.js'
import { created, office, tapInside, typeInto } from './office.js'

/** 我已阅读并同意 on the notice the page put first. */
const agree = (page: MpPage) => page.tap('#consent >>> #consent-agree')

/**
 * 刘奶奶, 78, scans a questionnaire's and a quiz's poster on her first visit. Her answers would be kept as hers, so the
 * page puts the privacy notice first, as 留言 does before her first message: why she is asked here, her rights first,
 * 查看全文, then 我已阅读并同意. She agrees, and goes on where she was: the questions, or the paper she asked for.
 */
describe('mini-program: a first-visit resident agrees to the privacy notice before her answers are kept', () => {
  let app: Backend
  afterEach(() => app.close())

  it('a named questionnaire shows the notice before its questions; once she agrees she answers it', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    holdPhone(app, 'o-liu-nainai-survey')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal('请看下面的说明，同意后就可以填写。')
    expect(page.textOf('#consent')).to.include('个人信息保护说明').and.include('您的权利：').and.include('我已阅读并同意').and.include('不同意，返回')
    expect(page.text(), 'no question before she agrees').not.to.include('您是否经常去社区公园？')
    expect(page.has('.submit')).to.equal(false)

    await agree(page)
    expect(page.has('#consent')).to.equal(false)
    expect(page.text()).to.include('您是否经常去社区公园？')
    await tapInside(page, '.q-q1', '.option', 1) // 否
    await tapInside(page, '.q-q3', '.point', 3) // 4 分
    await page.tap('.submit')
    expect(page.text()).to.include('已送出，谢谢您的参与')
    expect((await organizer.get(`/api/admin/surveys/${survey.id}/results`)).body.responses).to.equal(1)
  })

  it('a named consultation: the notice says why, and her opinion reaches the office once she agrees', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: false })))
    holdPhone(app, 'o-liu-nainai-draft')
    const page = await openPage(`pages/survey/answer?surveyId=${draft.id}`)
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal('会记下意见是您提的，好告诉您是否采纳。请看下面的说明，同意后就可以提意见。')
    expect(page.text()).not.to.include('新建居住区绿地率不得低于百分之三十')
    await agree(page)
    await typeInto(page.component.querySelectorAll('.comment')[1], '老小区做不到百分之三十')
    await page.tap('.submit')
    expect(page.text()).to.include('意见已送出')
    const opinions = (await organizer.get(`/api/admin/surveys/${draft.id}/opinions`)).body.items
    expect(opinions.map((o: { text: string }) => o.text)).to.deep.equal(['老小区做不到百分之三十'])
  })

  it('an anonymous questionnaire keeps no person: its questions come at once, while a named one asks first', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const anonymous = await created(organizer.post('/api/admin/surveys', surveyBody({ anonymous: true })))
    const named = await created(organizer.post('/api/admin/surveys', surveyBody({ title: '社区食堂需求调查' })))
    holdPhone(app, 'o-liu-nainai-anonymous')
    const page = await openPage(`pages/survey/answer?surveyId=${anonymous.id}`)
    expect(page.has('#consent')).to.equal(false)
    expect(page.text()).to.include('您是否经常去社区公园？')
    const other = await openPage(`pages/survey/answer?surveyId=${named.id}`)
    expect(other.has('#consent')).to.equal(true)
    expect(other.text()).not.to.include('您是否经常去社区公园？')
  })

  it('she withdrew her consent while the page was open: 提交 shows the notice, and agreeing sends what she wrote', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: false })))
    const liu = await asResident(app, 'o-liu-nainai-withdrew')
    holdPhone(app, 'o-liu-nainai-withdrew')
    const page = await openPage(`pages/survey/answer?surveyId=${draft.id}`)
    expect(page.has('#consent')).to.equal(false)
    await typeInto(page.component.querySelectorAll('.comment')[0], '建议写明老旧小区也要补种树木')
    await app.liaison.services.privacy.withdrawConsent(liu.userId)
    await page.tap('.submit')
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal('您写的意见还在。送出前，请先看一下个人信息保护说明，同意后就会送出。')
    expect((await organizer.get(`/api/admin/surveys/${draft.id}/opinions`)).body.items).to.deep.equal([])

    await page.tap('#consent >>> #consent-agree')
    expect(page.text()).to.include('意见已送出')
    const opinions = (await organizer.get(`/api/admin/surveys/${draft.id}/opinions`)).body.items
    expect(opinions.map((o: { text: string }) => o.text)).to.deep.equal(['建议写明老旧小区也要补种树木'])
  })

  it('a quiz: 开始答题 shows the notice first; agreeing starts the paper she asked for', async () => {
    let quizId: string
    ;({ app, quizId } = await backendWithQuiz())
    holdPhone(app, 'o-liu-nainai-quiz')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await page.tap('.start')
    // The quiz named in the opening words: no card of its own above the notice, which pushed it down in 关怀模式.
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal('答“代表法知识竞赛”会记下您的成绩和排名（不显示名字）。请看下面的说明，同意后开始答题。')
    expect(page.text(), 'no paper and no clock before she agrees').not.to.include('剩余时间')
    await agree(page)
    expect(page.textOf('.clock')).to.include('剩余时间：')
    expect(page.data.questions).to.have.length(5)
  })
})
