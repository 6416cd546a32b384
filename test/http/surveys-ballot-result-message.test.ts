import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, type TestApp } from '../helpers/app.js'
import { ballotOfFour, castBallot, surveyOffice } from '../helpers/surveys.js'

/** The result messages a deputy has been sent. */
const results = async (app: TestApp, deputyId: string) =>
  (await app.liaison.store.outbox.search({ recipientId: deputyId, kind: 'ballot.result', limit: 20 })).items.map((m) => String(m.payload.text))

/**
 * A ballot of its own (not a 民生实事 year's) tells each deputy who voted its result when it closes, once,
 * whether the office closes it or its end time passes; those who did not vote are not told.
 */
describe('票决: those who voted hear the result of a ballot of its own when it closes', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  it('sends each voter one message with the result when the office closes it, and nothing more on later closes or reads', async () => {
    const s = await create(ballotOfFour({ title: '社区设施票决' }))
    for (const d of ['dp0001', 'dp0002', 'dp0005']) expect((await castBallot(app, d, s.id, ['p1'])).status).to.equal(201)
    app.clock.advance(60_000)
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).status).to.equal(200)

    const words = '票决结果：《社区设施票决》已结束。计划选出 2 个项目，票决通过 1 个：「老旧小区加装电梯」。应投票代表 4 人，实际投票 3 人。'
    for (const d of ['dp0001', 'dp0002', 'dp0005']) expect(await results(app, d), d).to.deep.equal([words])
    expect(await results(app, 'dp0006'), 'did not vote').to.deep.equal([])

    // A second close, the minute's job and a voter reading the result add nothing.
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).status).to.equal(409)
    await app.liaison.jobs.find((j) => j.name === 'ballot-count')!.run()
    expect((await (await asDeputy(app, 'dp0001')).get(`/api/mp/surveys/${s.id}`)).status).to.equal(200)
    expect(await results(app, 'dp0001')).to.deep.equal([words])
  })

  it('sends it when the end time passes with nobody closing it', async () => {
    const s = await create(ballotOfFour({ title: '社区设施票决' }))
    expect((await castBallot(app, 'dp0001', s.id, ['p1', 'p2'])).status).to.equal(201)
    expect((await castBallot(app, 'dp0006', s.id, ['p2'])).status).to.equal(201)
    app.clock.set(new Date('2026-11-30T10:00:30Z'))
    await app.liaison.jobs.find((j) => j.name === 'ballot-count')!.run()
    await app.liaison.jobs.find((j) => j.name === 'ballot-count')!.run()
    const words = '票决结果：《社区设施票决》已结束。计划选出 2 个项目，没有项目获得通过。应投票代表 4 人，实际投票 2 人。'
    expect(await results(app, 'dp0001')).to.deep.equal([words])
    expect(await results(app, 'dp0006')).to.deep.equal([words])
    expect(await results(app, 'dp0002')).to.deep.equal([])
    // The office's own 计票结果 reads the same count.
    const outcome = (await (await asAdmin(app)).get(`/api/admin/surveys/${s.id}/results`)).body.ballot
    expect(outcome).to.deep.include({ roll: 4, ballotsCast: 2, chosen: [] })
  })
})
