import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asDeputy } from '../helpers/app.js'
import { quizOffice, quizWithBank, rightAnswers } from '../helpers/quizzes.js'
import type { Client, TestApp } from '../helpers/app.js'

/**
 * 孙丽 publishes 代表履职知识测验 for the deputies of 湛河区, one try each, closing Sunday 20 December at 18:00.
 * 赵敏 (dp0004) has not taken it: her morning digest says so, with the closing time said as her meetings' are, as her
 * 我的待办 lists it. Once she has handed in her paper, the digest no longer asks, and neither does 我的待办.
 */
describe('the daily digest names a quiz she has not taken yet', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    ;({ app, sunli } = await quizOffice()) // Monday 23 Nov, 10:00
  })
  afterEach(() => app.close())

  async function digestOn(day: string): Promise<string | null> {
    app.clock.set(new Date(`${day}T00:15:00Z`))
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    const sent = (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest', recipientId: 'dp0004' })).items
    const today = sent.find((m) => (m.payload as { day: string }).day === day)
    return today ? (today.payload as { text: string }).text : null
  }

  it('lists it, by when to answer, until her paper is in', async () => {
    const quiz = await quizWithBank(app, sunli, {
      title: '代表履职知识测验',
      audience: 'deputies',
      attemptsAllowed: 1,
      closesAt: '2026-12-20T18:00:00+08:00',
    })
    const zhao = await asDeputy(app, 'dp0004')
    expect((await zhao.get('/api/mp/tasks')).body.quizzes, 'her 我的待办 lists it').to.have.length(1)

    const text = await digestOn('2026-11-24')
    expect(text).to.include('【待答题 1 项】\n· 《代表履职知识测验》，请在12月20日（星期日）晚上6:00前答题')
    expect(text).to.include('答题请打开小程序')

    const paper = (await zhao.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    expect((await zhao.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)
    expect((await zhao.get('/api/mp/tasks')).body.quizzes, 'done in 我的待办').to.deep.equal([])
    expect((await digestOn('2026-11-25')) ?? '', 'nor asked in the digest').not.to.include('代表履职知识测验')
  })
})
