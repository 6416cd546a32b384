import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { consultationBody } from '../test/helpers/surveys.js'
import type { SurveyRepo } from '../src/store/survey-ports.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

/** Every read of a consultation's opinions the store is asked for, by name and filter, while `run` goes on. */
async function readsDuring(app: Backend, run: () => Promise<unknown>): Promise<string[]> {
  const surveys = app.liaison.store.surveys as SurveyRepo
  const asked: string[] = []
  const { opinions, responses } = surveys
  surveys.opinions = (id, filter) => (asked.push(`opinions ${JSON.stringify(filter)}`), opinions.call(surveys, id, filter))
  surveys.responses = (id) => (asked.push('responses'), responses.call(surveys, id))
  try {
    await run()
  } finally {
    Object.assign(surveys, { opinions, responses })
  }
  return asked
}

/**
 * 赵阿姨, 71, in 关怀模式, commented on two articles of a draft regulation; 钱大爷 and others commented too. Once the
 * office has decided and published, her consultation's page shows her two opinions with what became of them, and
 * the published 采纳情况: how many, and why adopted. Her page asks the store for her own opinions and for counts,
 * never for everybody's opinions to pick hers out or to count them (a city's consultation has thousands).
 */
describe('mini-program: her opinions and the published outcome, read only as far as needed', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('shows her own opinions and the counts and reasons, reading only hers and the counts', async () => {
    const organizer = await office(app)
    const consultation = await created(organizer.post('/api/admin/surveys', consultationBody({ anonymous: false })))
    const say = async (openid: string, comments: Array<{ articleId: string; text: string }>) =>
      created((await asResident(app, openid)).post(`/api/mp/surveys/${consultation.id}/responses`, { answers: { q1: 'o1' }, comments }))
    await say('o-zhao-opinions', [
      { articleId: 'a1', text: '老旧小区也要补种树木' },
      { articleId: 'a2', text: '百分之三十太低，应当提高' },
    ])
    await say('o-qian-daye', [{ articleId: 'a1', text: '要写明谁来养护' }])
    await say('o-sun-daye', [{ articleId: 'a2', text: '新区可以更高一些' }])

    const opinions = (await organizer.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items as Array<{ id: string; text: string }>
    const decide = (text: string, outcome: string, reason: string) =>
      created(organizer.post(`/api/admin/surveys/${consultation.id}/opinions/${opinions.find((o) => o.text === text)!.id}/decision`, { outcome, reason }))
    await decide('老旧小区也要补种树木', 'partly_adopted', '第二十条增加老旧小区补绿的规定')
    await decide('要写明谁来养护', 'adopted', '第二十一条写明养护责任')
    await decide('百分之三十太低，应当提高', 'adopted', '绿地率提高到百分之三十五')
    await decide('新区可以更高一些', 'adopted', '绿地率提高到百分之三十五')
    await organizer.post(`/api/admin/surveys/${consultation.id}/close`)
    await created(organizer.post(`/api/admin/surveys/${consultation.id}/outcome/publish`))

    holdPhone(app, 'o-zhao-opinions')
    phone.storage.set('care.mode', 'on')
    let page: Awaited<ReturnType<typeof openPage>> | undefined
    const reads = await readsDuring(app, async () => {
      page = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    })
    const mine = page!.textOf('#mine')
    expect(mine).to.include('老旧小区也要补种树木').and.include('部分采纳：第二十条增加老旧小区补绿的规定')
    expect(mine).to.include('百分之三十太低，应当提高').and.include('采纳：绿地率提高到百分之三十五')
    expect(mine, 'nobody else’s').not.to.include('要写明谁来养护').and.not.include('新区可以更高一些')
    const summary = page!.textOf('#summary')
    expect(summary).to.include('共收到意见 4 条，采纳或部分采纳 4 条')
    expect(summary).to.include('第一条：意见 2 条，采纳 1，部分采纳 1，未采纳 0')
    expect(summary).to.include('第十二条：意见 2 条，采纳 2，部分采纳 0，未采纳 0')
    expect(summary.split('采纳：绿地率提高到百分之三十五').length - 1, 'one reason given twice is said once').to.equal(1)

    expect(
      reads.filter((r) => r === 'responses'),
      'no answer read to find her opinions',
    ).to.deep.equal([])
    expect(
      reads.filter((r) => r.startsWith('opinions')),
      'her own only: never every opinion',
    ).to.satisfy((asked: string[]) => asked.every((r) => r.includes('"mpUserId"')))
  })
})
