import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { ballotBody, consultationBody, surveyOffice } from '../helpers/surveys.js'

/**
 * A deputy who votes twice, a resident on a closed consultation, an organizer closing one twice:
 * each is told in the words of what it is (票决, 征求意见), never 问卷. What is not found is said
 * neutrally, since its kind is not known (or not to be told).
 */
describe('surveys: refusals in the words of a ballot or a consultation', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  it('a deputy who votes twice is told he voted; after the end, that the 票决 has ended', async () => {
    const ballot = await create(ballotBody())
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    const twice = await zhang.post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p2'] } })
    expect(twice.status).to.equal(409)
    expect(twice.body.error).to.include({ code: 'already_responded', message: '您已经投过票了，每位代表投一次，投后不能更改' })

    expect((await office.post(`/api/admin/surveys/${ballot.id}/close`)).status).to.equal(200)
    const late = await (await asDeputy(app, 'dp0002')).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'survey_closed', message: '票决已经结束，不能再投票' })
    const closeAgain = await office.post(`/api/admin/surveys/${ballot.id}/close`)
    expect(closeAgain.status).to.equal(409)
    expect(closeAgain.body.error).to.include({ code: 'survey_closed', message: '票决已经结束' })
  })

  it('a resident on a closed consultation is told the 征求意见 has ended; a second opinion, that she gave hers', async () => {
    const consultation = await create(consultationBody())
    const wang = await asResident(app)
    expect((await wang.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text: '绿地率再高些' }] })).status).to.equal(201)
    const again = await wang.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a2', text: '还有一条' }] })
    expect(again.body.error).to.include({ code: 'already_responded', message: '您已经提过意见了，每人限提一次。谢谢您参与立法' })

    expect((await office.post(`/api/admin/surveys/${consultation.id}/close`)).status).to.equal(200)
    const late = await (await asResident(app)).post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text: '晚了' }] })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'survey_closed', message: '征求意见已经结束，不再接受意见' })
  })

  it('another district’s ballot, and a link to nothing, are not found in neutral words', async () => {
    const sunli = await asStaff(app, 'sunli') // 湛河区
    const ballot = (await sunli.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { districtIds: ['d01'] } } })))
      .body as { id: string }
    const qianqi = await asStaff(app, 'qianqi') // 新华区
    const elsewhere = await qianqi.get(`/api/admin/surveys/${ballot.id}`)
    expect(elsewhere.status).to.equal(404)
    expect(elsewhere.body.error.message).to.equal('这项内容不存在或已删除')
    const gone = await (await asResident(app)).get('/api/mp/surveys/sv-00000000-0000-4000-8000-000000000000')
    expect(gone.status).to.equal(404)
    expect(gone.body.error.message).to.equal('找不到这项内容，可能已经撤下了，或者二维码、链接有误。如有疑问，请问问发给您二维码或链接的工作人员')
  })
})
