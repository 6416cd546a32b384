import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { consultationBody, surveyBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { backendWithQuiz } from './harness/quiz.js'
import { phone } from './harness/wx.js'
import { created, office, tapInside } from './office.js'

/** The short notice the page puts before her answers, as she reads it. */
const notice = (page: MpPage) => page.textOf('#consent >>> #consent-notice')

/** What the short notice written for 留言 says: on these pages it would be about something else. */
const ABOUT_MESSAGES = ['留言办结后保存三年', '我们保存：您的留言', '在聊天里删，只删聊天里的']

/**
 * 刘奶奶, 78, is asked to agree to the privacy notice before a named questionnaire, a consultation and a quiz. What she
 * reads above 我已阅读并同意 is about that page: her rights, then what it keeps, who sees it and for how long, never
 * the lines about 留言 (kept three years, deleting chat messages). The whole notice is one tap away, and what she
 * agrees to is the same notice (its version) everyone else agreed to.
 */
describe('mini-program: the notice before her answers says what that page keeps', () => {
  let app: Backend
  afterEach(() => app.close())

  it('a named questionnaire: its answers, who sees them, how long; 查看全文 still holds the whole notice', async () => {
    app = await startBackend()
    const survey = await created((await office(app)).post('/api/admin/surveys', surveyBody()))
    holdPhone(app, 'o-liu-nainai-own-lines')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    expect(notice(page))
      .to.include('您的权利：随时可以查看、删除您的信息')
      .and.include('我们保存：您填的答案，和这份问卷是您填的。')
      .and.include('谁能看：只有负责的工作人员。')
      .and.include('保存多久：到您删除信息为止；之后只留下看不出是您的答案。')
    for (const words of ABOUT_MESSAGES) expect(notice(page), words).not.to.include(words)

    await page.tap('#consent >>> #consent-full')
    expect(page.textOf('#consent >>> #consent-full-text'), 'the whole notice, as before').to.include('您填写的问卷答案和对文件草稿的意见')

    await page.tap('#consent >>> #consent-agree')
    expect(page.text()).to.include('您是否经常去社区公园？')
    const { mpSessions, privacy } = app.liaison.services
    const her = await mpSessions.userForOpenid('o-liu-nainai-own-lines')
    expect(her.consentVersion, 'the one notice everyone agrees to').to.equal(privacy.notice.version)
  })

  it('a consultation: her opinions and that they are hers, to tell her whether they were adopted', async () => {
    app = await startBackend()
    const draft = await created((await office(app)).post('/api/admin/surveys', consultationBody({ anonymous: false })))
    holdPhone(app, 'o-liu-nainai-own-lines-draft')
    const page = await openPage(`pages/survey/answer?surveyId=${draft.id}`)
    expect(notice(page)).to.include('我们保存：您提的意见，和意见是您提的，好告诉您是否采纳。').and.include('谁能看：只有负责的工作人员。')
    for (const words of ABOUT_MESSAGES) expect(notice(page), words).not.to.include(words)
  })

  it('a quiz: the quiz stays named in the words above the notice, which says what a paper keeps and that the ranking shows no name', async () => {
    let quizId: string
    ;({ app, quizId } = await backendWithQuiz())
    holdPhone(app, 'o-liu-nainai-own-lines-quiz')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    const title = page.textOf('.title')
    await page.tap('.start')
    // In the opening words, not a card of its own that pushed the notice down in 关怀模式.
    expect(page.textOf('#consent >>> #consent-purpose'), 'the quiz she tapped 开始答题 on').to.include(`答“${title}”会记下您的成绩`)
    expect(page.has('.notice-quiz')).to.equal(false)
    expect(notice(page))
      .to.include('我们保存：您答的题和得分。')
      .and.include('谁能看：负责的工作人员；排名只显示“群众”和编号。')
      .and.include('保存多久：到您删除信息为止；之后只留下看不出是您的成绩。')
    for (const words of ABOUT_MESSAGES) expect(notice(page), words).not.to.include(words)
  })

  it('asked at 提交 (she withdrew while the page was open): told that her answers are still there and go once she agrees', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const survey = await created(organizer.post('/api/admin/surveys', surveyBody()))
    const liu = await asResident(app, 'o-liu-nainai-at-submit')
    holdPhone(app, 'o-liu-nainai-at-submit')
    const page = await openPage(`pages/survey/answer?surveyId=${survey.id}`)
    await tapInside(page, '.q-q1', '.option', 1) // 否
    await tapInside(page, '.q-q3', '.point', 3) // 4 分
    await app.liaison.services.privacy.withdrawConsent(liu.userId)
    await page.tap('.submit')
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal('您填的答案还在。送出前，请先看一下个人信息保护说明，同意后就会送出。')
    expect(notice(page)).to.include('我们保存：您填的答案')

    await page.tap('#consent >>> #consent-agree')
    expect(page.text()).to.include('已送出，谢谢您的参与')
    expect((await organizer.get(`/api/admin/surveys/${survey.id}/results`)).body.responses).to.equal(1)
  })
})
