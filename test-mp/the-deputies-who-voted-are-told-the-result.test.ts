import { expect } from 'chai'
import { asAdmin, asDeputy, type Client } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created } from './office.js'

/**
 * The city's 2027 民生实事 ballot: 3 deputies on the roll, 2 places planned. 张伟 and 王芳 vote, 李强 does
 * not. When the office confirms the result, each deputy who voted gets one message saying what was
 * chosen of how many planned and how many voted; the proposers' notices aside, nobody else is told, and
 * confirming twice tells nobody twice. 张伟's ballot page, closed, shows the same and each candidate's
 * votes with what became of it; a resident who opens it sees no counts.
 */
describe('mini-program: the deputies who voted are told the result', () => {
  let app: Backend
  let office: Client
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-08T02:00:00Z')) // Tuesday 10:00 in Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const TITLE = '2027年市民生实事项目代表票决'
  const RESULT = '计划选出 2 个项目，票决通过 1 个：「老旧小区加装电梯」。'

  /** A year of three candidates put to the ballot; returns the year and its ballot. */
  async function yearOnTheBallot() {
    const now = app.clock.now().getTime()
    const year = await created(
      office.post('/api/admin/livelihood/cycles', {
        office: 'city',
        year: 2027,
        title: '2027年市民生实事项目',
        opensAt: new Date(now - 7 * 86_400_000).toISOString(),
        closesAt: new Date(now - 86_400_000).toISOString(),
        projectCount: 2,
      }),
    )
    const candidate = async (title: string, costWan: number, unitId: string) => {
      const made = await created(
        office.post(`/api/admin/livelihood/cycles/${year.id}/candidates`, { title, description: title, place: '湛河区', costWan, unitId, proposalIds: [] }),
      )
      app.clock.advance(1000)
      return made.id as string
    }
    const lift = await candidate('老旧小区加装电梯', 300, 'u01')
    const park = await candidate('口袋公园', 80, 'u02')
    await candidate('社区老年食堂', 120, 'u02')
    const voting = await created(
      office.post(`/api/admin/livelihood/cycles/${year.id}/ballot`, {
        opensAt: app.clock.now().toISOString(),
        closesAt: new Date(app.clock.now().getTime() + 3_600_000).toISOString(),
        roll: { deputyIds: ['dp0001', 'dp0002', 'dp0003'] },
      }),
    )
    return { yearId: year.id as string, ballotId: voting.ballotSurveyId as string, lift, park }
  }

  it('one message to each deputy who voted; the closed ballot page shows the counts to him, none to a resident', async () => {
    const { yearId, ballotId, lift, park } = await yearOnTheBallot()
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [lift, park] } }))
    await created((await asDeputy(app, 'dp0002')).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [lift] } }))

    app.clock.advance(2 * 3_600_000)
    office = await asAdmin(app)
    expect((await office.post(`/api/admin/livelihood/cycles/${yearId}/ballot-result`)).body).to.include({ status: 'running' })
    expect((await office.post(`/api/admin/livelihood/cycles/${yearId}/ballot-result`)).status, 'confirmed once').to.equal(409)

    const told = (await app.liaison.store.outbox.search({ kind: 'ballot.result', limit: 20 })).items
    expect(told.map((m) => m.recipientId).sort(), 'those who voted, once each').to.deep.equal(['dp0001', 'dp0002'])
    for (const m of told) expect(m.payload.text).to.equal(`票决结果：《${TITLE}》已确认。${RESULT}应投票代表 3 人，实际投票 2 人。`)

    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const page = await openPage(`pages/survey/answer?surveyId=${ballotId}`)
    expect(page.textOf('.done')).to.equal('您投过票了，谢谢！')
    expect(page.textOf('#result-passed')).to.equal(RESULT)
    expect(page.textOf('#result-turnout')).to.equal('应投票代表 3 人，实际投票 2 人；得票超过实际投票人数的一半（至少 2 票）才能通过。')
    const rows = page.component.querySelectorAll('.result-row').map((r: { dom: HTMLElement }) => r.dom.textContent!.replace(/\s+/g, ''))
    expect(rows).to.deep.equal(['老旧小区加装电梯（约300万元）2票，当选', '口袋公园（约80万元）1票，未通过', '社区老年食堂（约120万元）0票，未通过'])
    expect(page.has('#result-note'), 'confirmed').to.equal(false)

    holdPhone(app, 'o-resident-reads-ballot')
    const resident = await openPage(`pages/survey/answer?surveyId=${ballotId}`)
    expect(resident.has('#ballot-result'), 'no counts for one not on the roll').to.equal(false)
  })
})
