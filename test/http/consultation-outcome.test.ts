import { expect } from 'chai'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import type { TestApp } from '../helpers/app.js'
import { consultationBody, surveyOffice } from '../helpers/surveys.js'

const csvText = (body: unknown) => Buffer.from(body as Buffer).toString('utf8')

/**
 * 王阿姨 comments on 第一条 of a draft regulation. The office marks her opinion 部分采纳 with a reason,
 * exports the 采纳情况 table and publishes it; she reads her opinion's outcome on the consultation's
 * page, and anyone reads what was taken up.
 */
describe('立法征求意见: what became of her opinion', () => {
  let app: TestApp
  let office: Client
  let consultationId: string
  beforeEach(async () => {
    const started = await surveyOffice()
    app = started.app
    office = started.office
    consultationId = (await started.create(consultationBody({ anonymous: false }))).id
  })
  afterEach(() => app.close())

  it('she reads 部分采纳 with the reason, the office exports result and reason, and the published summary names no writer', async () => {
    const wang = await asResident(app, 'o-wang-ayi')
    const sent = await wang.post(`/api/mp/surveys/${consultationId}/responses`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a1', text: '建议写明老旧小区也要补种树木' }],
    })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    await (
      await asResident(app)
    ).post(`/api/mp/surveys/${consultationId}/responses`, { answers: { q1: 'o2' }, comments: [{ articleId: 'a2', text: '百分之三十太高' }] })

    let mine = (await wang.get(`/api/mp/surveys/${consultationId}/my-opinions`)).body
    expect(mine.items.map((o: { articleNumber: string; text: string; outcomeText: string }) => [o.articleNumber, o.text, o.outcomeText])).to.deep.equal([
      ['第一条', '建议写明老旧小区也要补种树木', '正在研究处理，有结果会告诉您'],
    ])

    const opinions = (await office.get(`/api/admin/surveys/${consultationId}/opinions`)).body.items as Array<{ id: string; articleId: string }>
    const hers = opinions.find((o) => o.articleId === 'a1')!
    const other = opinions.find((o) => o.articleId === 'a2')!
    await office.post(`/api/admin/surveys/${consultationId}/opinions/${hers.id}/decision`, {
      outcome: 'partly_adopted',
      reason: '第二十条增加老旧小区补绿的规定',
    })

    mine = (await wang.get(`/api/mp/surveys/${consultationId}/my-opinions`)).body
    expect(mine.items[0].outcomeText).to.equal('部分采纳：第二十条增加老旧小区补绿的规定')
    expect(mine.outcomePublished).to.equal(false)

    const sheet = csvText((await office.get(`/api/admin/surveys/${consultationId}/opinions.csv`)).body)
    expect(sheet).to.contain('条文,意见,提出时间,采纳结果,理由,处理时间')
    expect(sheet).to.contain('第一条,建议写明老旧小区也要补种树木,')
    expect(sheet).to.contain('部分采纳,第二十条增加老旧小区补绿的规定')
    expect(sheet).to.contain('第十二条,百分之三十太高,')
    expect(sheet).to.contain('待研究')
    const answers = csvText((await office.get(`/api/admin/surveys/${consultationId}/responses.csv`)).body)
    expect(answers).to.contain('第一条 意见,第一条 采纳结果,第一条 理由')
    expect(answers).to.contain('建议写明老旧小区也要补种树木,部分采纳,第二十条增加老旧小区补绿的规定')

    // Nothing is public before the office publishes; it cannot while the consultation runs or an opinion waits.
    expect((await new Client(app.baseUrl).get(`/api/public/consultations/${consultationId}/outcome`)).status).to.equal(404)
    const early = await office.post(`/api/admin/surveys/${consultationId}/outcome/publish`)
    expect(early.status).to.equal(409)
    expect(early.body.error.message).to.equal('征求意见还没有结束，结束后才能公布采纳情况')
    app.clock.set(new Date('2026-12-01T02:00:00Z'))
    const admin = await asAdmin(app)
    const waiting = await admin.post(`/api/admin/surveys/${consultationId}/outcome/publish`)
    expect(waiting.status).to.equal(409)
    expect(waiting.body.error.message).to.equal('还有 1 条意见没有处理，全部处理后才能公布采纳情况')
    await admin.post(`/api/admin/surveys/${consultationId}/opinions/${other.id}/decision`, { outcome: 'not_adopted', reason: '国家标准已有规定' })
    expect((await admin.post(`/api/admin/surveys/${consultationId}/outcome/publish`)).status).to.equal(200)

    const summary = (await new Client(app.baseUrl).get(`/api/public/consultations/${consultationId}/outcome`)).body
    expect(summary).to.include({ title: '青澜市城市绿化条例（草案）征求意见', opinions: 2, adopted: 1 })
    expect(summary.articles).to.deep.equal([
      { number: '第一条', opinions: 1, adopted: 0, partlyAdopted: 1, notAdopted: 0, reasons: ['部分采纳：第二十条增加老旧小区补绿的规定'] },
      { number: '第十二条', opinions: 1, adopted: 0, partlyAdopted: 0, notAdopted: 1, reasons: [] },
    ])
    expect(JSON.stringify(summary)).not.to.contain('建议写明老旧小区也要补种树木')
    expect(JSON.stringify(summary)).not.to.contain(wang.userId)
    const after = (await (await asResident(app, 'o-wang-ayi')).get(`/api/mp/surveys/${consultationId}/my-opinions`)).body
    expect(after.outcomePublished).to.equal(true)
  })
})
