import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const INVISIBLE = '含有不可见的控制字符，请删去后重新输入'

/**
 * A correction after creation is held to the same rule as the creation: control and
 * direction characters never reach the store through a PATCH either — a line that holds
 * one is refused, a long text loses them and keeps its line breaks.
 */
describe('free text in corrections: control and direction characters', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const detail = (answer: { body: any }, path: string) => answer.body.error?.details?.find((d: { path: string }) => d.path === path)?.message

  it('drops them from a corrected survey description', async () => {
    const admin = await asAdmin(app)
    const survey = await admin.post('/api/admin/surveys', surveyBody())
    expect(survey.status, JSON.stringify(survey.body)).to.equal(201)
    const fixed = await admin.patch(`/api/admin/surveys/${survey.body.id}`, { description: '请如实\u0000填写\u202E\r\n谢谢\u001b' })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    expect((await app.liaison.store.surveys.get(survey.body.id))!.description).to.equal('请如实填写\n谢谢')
  })

  it('drops them from a corrected campaign description and reading summary, and refuses them in a source', async () => {
    const campaign = (
      await sunli.post('/api/admin/campaigns', { title: '学习贯彻代表法', startsAt: at(-HOUR), endsAt: at(30 * DAY), audience: { stationIds: ['st001'] } })
    ).body
    const item = (await sunli.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '代表法全文', body: '<p>第一条</p>' })).body
    expect((await sunli.patch(`/api/admin/campaigns/${campaign.id}`, { description: '简介\u0007更正' })).status).to.equal(200)
    expect((await app.liaison.store.campaigns.get(campaign.id))!.description).to.equal('简介更正')
    expect((await sunli.patch(`/api/admin/campaigns/${campaign.id}/items/${item.id}`, { summary: '摘要\u202E更正' })).status).to.equal(200)
    expect((await app.liaison.store.campaigns.getItem(item.id))!.summary).to.equal('摘要更正')
    const source = await sunli.patch(`/api/admin/campaigns/${campaign.id}/items/${item.id}`, { source: '人民\u202E日报' })
    expect(source.status).to.equal(400)
    expect(detail(source, 'body.source')).to.equal(INVISIBLE)
    expect((await app.liaison.store.campaigns.getItem(item.id))!.source).to.equal('')
  })

  it('drops them from a corrected quiz explanation, and keeps line breaks in a corrected stem as at creation', async () => {
    const quiz = await quizWithBank(app, sunli)
    const [question] = await app.liaison.store.quizzes.questions(quiz.id)
    const fixed = await sunli.patch(`/api/admin/quizzes/${quiz.id}/questions/${question!.id}`, { explanation: '见\u0000第一条', stem: '下列说法\n哪项正确？' })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    const [stored] = await app.liaison.store.quizzes.getQuestions([question!.id])
    expect(stored).to.include({ explanation: '见第一条', stem: '下列说法\n哪项正确？' })
  })
})
