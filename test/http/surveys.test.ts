import { expect } from 'chai'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { asAdmin, asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { ballotBody, consultationBody, surveyBody } from '../helpers/surveys.js'

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default

/**
 * Surveys as the office and the public live them: a questionnaire on a poster, answered
 * once per person and read from running tallies; a consultation on a draft regulation whose
 * opinions are answered article by article; and a ballot whose tallies wait for the close.
 */
describe('surveys, consultations and ballots', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  async function created(body: Record<string, unknown>, by = office) {
    const answer = await by.post('/api/admin/surveys', body)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body as { id: string; shortCode: string; link: string }
  }

  it('takes one response per person from the poster, and shows counts, percentages, averages, texts and a CSV', async () => {
    const s = await created(surveyBody())
    const png = (await office.get(`/api/admin/surveys/${s.id}/qrcode.png`)).body as Buffer
    const image = PNG.sync.read(png)
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).to.equal(`https://liaison.example.gov.cn/mp?scene=v%3D${s.shortCode}`)
    expect(s.link).to.equal(`https://liaison.example.gov.cn/mp?scene=v%3D${s.shortCode}`)

    const a = await asResident(app)
    const opened = await a.get(`/api/mp/surveys/${s.shortCode}`)
    expect(opened.body).to.include({ id: s.id, phase: 'open', phaseLabel: '进行中', responded: false })
    expect(opened.body).not.to.have.property('shortCode')
    expect(
      (await a.post(`/api/mp/surveys/${s.shortCode}/responses?via=ST001`, { answers: { q1: 'o1', q2: ['a', 'b'], q3: 5, q4: '多种树', q5: 3 } })).status,
    ).to.equal(201)
    expect((await a.get(`/api/mp/surveys/${s.id}`)).body.responded).to.equal(true)
    const b = await asResident(app)
    expect((await b.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o2', q2: ['a'], q3: 2, q4: '增加座椅' } })).status).to.equal(201)

    const results = (await office.get(`/api/admin/surveys/${s.id}/results`)).body
    expect(results.responses).to.equal(2)
    expect(results.questions[0].options).to.deep.equal([
      { id: 'o1', label: '是', count: 1, percent: 50 },
      { id: 'o2', label: '否', count: 1, percent: 50 },
    ])
    expect(results.questions[1].options.map((o: { count: number; percent: number }) => `${o.count}/${o.percent}`)).to.deep.equal(['2/100', '1/50', '0/0'])
    expect(results.questions[2]).to.deep.include({ average: 3.5 })
    expect(results.questions[2].distribution.map((d: { count: number }) => d.count)).to.deep.equal([0, 1, 0, 0, 1])
    const atStation = (await office.get(`/api/admin/surveys/${s.id}/results?stationId=st001`)).body
    expect(atStation.responses, 'the first came through 轻工街道站').to.equal(1)

    const texts = (await office.get(`/api/admin/surveys/${s.id}/texts?questionId=q4&q=${encodeURIComponent('座椅')}`)).body
    expect(texts.items.map((t: { text: string }) => t.text)).to.deep.equal(['增加座椅'])

    const csv = await office.get(`/api/admin/surveys/${s.id}/responses.csv`)
    const text = (csv.body as Buffer).toString('utf8')
    expect(text.startsWith('\uFEFF提交时间,来源,联络站,1. 您是否经常去社区公园？')).to.equal(true)
    expect(text.trim().split('\r\n')).to.have.length(3)
    expect(text).to.include('联络站二维码,轻工街道代表联络站,是,绿道；座椅,5,多种树,3')
  })

  it('takes comments per article with their source, tells each named commenter the outcome, and again when it changes', async () => {
    const s = await created(consultationBody({ title: '《青澜市城市绿化条例（草案）》征求意见' }))
    const resident = await asResident(app)
    const sent = await resident.post(`/api/mp/surveys/${s.id}/responses?via=ST004`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a2', text: '建议绿地率提高到百分之三十五' }],
    })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const opinions = (await office.get(`/api/admin/surveys/${s.id}/opinions?articleId=a2`)).body.items
    expect(opinions).to.have.length(1)
    expect(opinions[0]).to.include({
      text: '建议绿地率提高到百分之三十五',
      via: 'ST004',
      stationId: 'st004',
      named: true,
      outcome: 'pending',
      outcomeLabel: '待研究',
    })
    expect((await office.get(`/api/admin/surveys/${s.id}/results`)).body.articles).to.deep.equal([
      { articleId: 'a1', number: '第一条', comments: 0, decided: 0 },
      { articleId: 'a2', number: '第十二条', comments: 1, decided: 0 },
    ])
    const feedback = async () =>
      (await app.liaison.store.outbox.search({ limit: 10, kind: 'survey.opinion_feedback' })).items.sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
      )
    const decide = (body: { outcome: string; reason: string }) => office.post(`/api/admin/surveys/${s.id}/opinions/${opinions[0].id}/decision`, body)

    const decided = await decide({ outcome: 'partly_adopted', reason: '修改为不低于百分之三十二' })
    expect(decided.body).to.include({ outcome: 'partly_adopted', outcomeLabel: '部分采纳', reason: '修改为不低于百分之三十二' })
    expect((await decide({ outcome: 'partly_adopted', reason: '修改为不低于百分之三十二' })).status, 'the same decision again').to.equal(200)
    expect(await feedback(), 'the same decision twice is told once').to.have.length(1)

    app.clock.advance(60_000)
    expect((await decide({ outcome: 'adopted', reason: '经审议，全部采纳' })).body).to.include({ outcome: 'adopted' })
    const told = await feedback()
    expect(
      told.map((m) => `${m.recipientKind}:${m.recipientId}`),
      'the change is told too',
    ).to.deep.equal([`mp_user:${resident.userId}`, `mp_user:${resident.userId}`])
    expect(told.map((m) => m.payload.text)).to.deep.equal([
      '采纳情况反馈：您对《青澜市城市绿化条例（草案）》第十二条提出的意见，结果为「部分采纳」。说明：修改为不低于百分之三十二',
      '采纳情况更正：您对《青澜市城市绿化条例（草案）》第十二条提出的意见，结果改为「采纳」。说明：经审议，全部采纳',
    ])
  })

  it('lets deputies on the roll vote once, hides the tallies until the close, then lists the chosen projects', async () => {
    const s = await created(ballotBody())
    const votes: Array<[string, string[]]> = [
      ['dp0001', ['p1', 'p2']],
      ['dp0002', ['p1']],
      ['dp0006', ['p2', 'p3']],
    ]
    for (const [deputy, choice] of votes) {
      const answer = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: choice } })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    }
    const early = await office.get(`/api/admin/surveys/${s.id}/results`)
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'ballot_not_closed', message: '票决结束前不公布计票结果' })
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).body).to.include({ phase: 'closed' })
    const results = (await office.get(`/api/admin/surveys/${s.id}/results`)).body
    expect(results.ballot).to.deep.include({ roll: 3, ballotsCast: 3, minVotes: 2 })
    expect(results.ballot.chosen).to.deep.equal([
      { id: 'p1', label: '老旧小区加装电梯', votes: 2 },
      { id: 'p2', label: '社区食堂', votes: 2 },
    ])
    expect(results.ballot.projects.find((p: { id: string }) => p.id === 'p3')).to.include({ votes: 1, passes: false, chosen: false })
    const stored = await app.liaison.store.surveys.responses(s.id)
    expect(
      stored.every((r) => r.mpUserId === null && r.deputyId === null && r.respondentKey.startsWith('h:')),
      'a secret ballot keeps only keyed hashes',
    ).to.equal(true)
  })

  it('takes the answers of a survey addressed to named deputies from them alone, and says so before anyone else fills it in', async () => {
    const s = await created(surveyBody({ title: '代表履职情况问卷', audience: { deputyIds: ['dp0001', 'dp0002'] } }))
    const answers = { q1: 'o2', q2: ['a'], q3: 4 }
    const resident = await asResident(app)
    const outsider = await asDeputy(app, 'dp0006')
    for (const who of [resident, outsider]) {
      const opened = await who.get(`/api/mp/surveys/${s.id}`)
      expect(opened.body.askedOthers, 'the page says it is not theirs before they answer').to.equal(true)
      const refused = await who.post(`/api/mp/surveys/${s.id}/responses`, { answers })
      expect(refused.status).to.equal(403)
      expect(refused.body.error).to.include({ code: 'not_in_audience', message: '这份问卷只请受邀的人大代表填写，您不用填。' })
    }
    const asked = await asDeputy(app, 'dp0001')
    expect((await asked.get(`/api/mp/surveys/${s.id}`)).body.askedOthers).to.equal(false)
    expect((await asked.post(`/api/mp/surveys/${s.id}/responses`, { answers })).status).to.equal(201)
    expect((await office.get(`/api/admin/surveys/${s.id}/results`)).body.responses, 'only the named deputy counted').to.equal(1)
    const open = await created(surveyBody({ title: '社区绿化满意度调查' }))
    expect((await resident.get(`/api/mp/surveys/${open.id}`)).body.askedOthers, 'a poster survey asks everyone').to.equal(false)
  })

  it("shows a district organizer their district's surveys and the city's, never another district's", async () => {
    const mine = await created(surveyBody({ title: '湛河区问卷' }), await asStaff(app, 'sunli'))
    const cityWide = await created(surveyBody({ title: '全市问卷' }))
    const other = await asStaff(app, 'qianqi')
    expect((await other.get(`/api/admin/surveys/${mine.id}`)).status).to.equal(404)
    expect((await other.get('/api/admin/surveys')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([cityWide.id])
    expect((await office.get('/api/admin/surveys')).body.items).to.have.length(2)
  })
})
