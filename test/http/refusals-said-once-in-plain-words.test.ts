import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'
import { asStaff } from '../helpers/meetings.js'
import { consultationBody, surveyBody } from '../helpers/surveys.js'

/**
 * What a clerk and an organizer are told when the console refuses something: one thing said once, in plain words, and
 * the same refusal in the same words wherever it comes from. 李娜 clerks at 轻工街道 (湛河区); 孙丽 is 湛河区's organizer.
 */
describe('refusals are said once, in plain words', () => {
  let app: TestApp
  let lina: Client
  afterEach(() => app.close())

  it('the case download with unreadable dates names each date once, without "ISO 8601"', async () => {
    ;({ app, lina } = await linaOnMonday())
    const bad = await lina.get('/api/admin/cases.csv?from=2026-12-01&to=2026-11-01')
    expect(bad.status).to.equal(400)
    expect(bad.body.error.details).to.deep.equal([
      { path: 'query.from', message: '时间格式不对，应写成 2026-12-01T09:00:00+08:00 这样' },
      { path: 'query.to', message: '时间格式不对，应写成 2026-12-01T09:00:00+08:00 这样' },
    ])
    // Readable but the wrong way round: that is what is said, once.
    const backwards = await lina.get(
      `/api/admin/cases.csv?from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`,
    )
    expect(backwards.body.error.details).to.deep.equal([{ path: 'query.from', message: '开始日期不能晚于结束日期' }])
  })

  it('an opinion’s decision without its 理由 is refused in the same words whether it is missing or blank', async () => {
    ;({ app, lina } = await linaOnMonday())
    const sunli = await asStaff(app, 'sunli')
    const made = await sunli.post('/api/admin/surveys', consultationBody())
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const id = made.body.id
    await (await asResident(app)).post(`/api/mp/surveys/${id}/responses`, { answers: { q1: 'o2' }, comments: [{ articleId: 'a2', text: '百分之三十太高' }] })
    const [opinion] = (await sunli.get(`/api/admin/surveys/${id}/opinions`)).body.items
    const decide = (body: Record<string, unknown>) => sunli.post(`/api/admin/surveys/${id}/opinions/${opinion.id}/decision`, body)
    for (const body of [{ outcome: 'not_adopted' }, { outcome: 'not_adopted', reason: '   ' }]) {
      const refused = await decide(body)
      expect(refused.status, JSON.stringify(body)).to.equal(400)
      expect(refused.body.error.details, JSON.stringify(body)).to.deep.equal([{ path: 'body.reason', message: '理由不能为空' }])
    }
    expect((await decide({ outcome: 'not_adopted', reason: '国家标准已有规定' })).status).to.equal(200)
  })

  it('a survey asking deputies of a district that is not hers is refused as a campaign for it is: 403, naming the district', async () => {
    ;({ app, lina } = await linaOnMonday())
    const sunli = await asStaff(app, 'sunli')
    const elsewhere = await sunli.post('/api/admin/surveys', surveyBody({ audience: { districtIds: ['d02'] } }))
    expect(elsewhere.status).to.equal(403)
    expect(elsewhere.body.error).to.deep.equal({
      code: 'outside_scope',
      message: '只能面向您负责的区县发布',
      details: [{ path: 'body.audience.districtIds[0]', message: '新华区不在您负责的区县' }],
    })
    const campaign = await sunli.post('/api/admin/campaigns', { title: '学习代表法', endsAt: '2026-12-31T00:00:00+08:00', audience: { districtIds: ['d02'] } })
    expect(campaign.status, 'as a campaign for it').to.equal(403)
    expect((await sunli.post('/api/admin/surveys', surveyBody({ audience: { districtIds: ['d01'] } }))).status, 'her own district').to.equal(201)
  })
})
