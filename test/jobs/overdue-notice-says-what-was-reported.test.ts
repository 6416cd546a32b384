import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const HOUR = 3_600_000

/**
 * 张伟代表's own notice when a deadline passes says what is true as it is written. The SLA job reports the late message
 * to his station (督办), and three days on to the district office; each report goes to that station's or office's WeChat
 * group, when it has one. Where it has, he reads that it was reported and to whom ("已告知轻工街道代表联络站"); where
 * the station or office has no group, the report reaches nobody (the clerk's timeline says 未能送达), and his notice
 * does not say it was reported. Either way it says what to do next, not only that he is late: answer soon, or hand it
 * back (交回) with his reason, and the station helps. His message page says the same. How late it is, it says as his
 * workbench says it that moment (three days on "已过受理期限 3 天"), not a bare "已过受理期限" beside the workbench's
 * count of days; on the day itself without 今天 (quiet hours may hold it till the next morning); its card too, with what to do (who was told no longer fits its 20 characters).
 */
describe("a deputy's overdue notice says it was reported only when the report can arrive", () => {
  let app: TestApp
  afterEach(() => app.close())

  /** His message, written Monday 10:00, left unacknowledged past the day (and three days more); his notices and page. */
  async function lateMessage(robots: Record<string, string>) {
    app = await startApp({ directory: caseCity(), overrides: { wecom: { robots } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    // What his workbench says of it as each notice is written: the notice says it the same way.
    const workbench: string[] = []
    const sla = async () => {
      await app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
      workbench.push((await zhang.get('/api/mp/tasks')).body.cases[0].due.words)
    }
    app.clock.advance(25 * HOUR)
    await sla()
    app.clock.advance(72 * HOUR)
    await sla()
    const notices = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.overdue' })).items
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((m) => [m.payload.text, m.payload.cardText])
    const page = (await zhang.get(`/api/mp/deputy/cases/${sent.body.id}`)).body
    const steps = (page.timeline as Array<{ type: string; label: string }>).filter((e) => e.type === 'escalated').map((e) => e.label)
    return { ticket: sent.body.ticket as string, notices, steps, workbench }
  }

  it('names the station and then the office when their groups receive the reports', async () => {
    const { ticket, notices, steps, workbench } = await lateMessage({ 'station:st001': 'key-st001', 'office:d01': 'key-d01' })
    expect(workbench, 'his workbench as each notice was written').to.deep.equal(['今天已过受理期限', '已过受理期限 3 天'])
    expect(notices).to.deep.equal([
      [
        `张伟代表，留言 ${ticket} 已过受理期限，群众还在等您受理，已告知轻工街道代表联络站。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
        '已过受理期限，请尽快受理或交回',
      ],
      [
        `张伟代表，留言 ${ticket} 已过受理期限 3 天，群众还在等您受理，已告知湛河区人大办。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
        '已过受理期限 3 天，请尽快受理或交回',
      ],
    ])
    expect(steps).to.deep.equal(['已过受理期限，已通知轻工街道代表联络站督办', '过受理期限较久，已通知湛河区人大常委会办公室督办'])
  })

  it('does not say it was reported when the station and the office have no group to receive it', async () => {
    const { ticket, notices, steps } = await lateMessage({})
    expect(notices).to.deep.equal([
      [
        `张伟代表，留言 ${ticket} 已过受理期限，群众还在等您受理。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
        '已过受理期限，请尽快受理或交回',
      ],
      [
        `张伟代表，留言 ${ticket} 已过受理期限 3 天，群众还在等您受理。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
        '已过受理期限 3 天，请尽快受理或交回',
      ],
    ])
    expect(steps).to.deep.equal(['已过受理期限', '过受理期限较久'])
  })

  it('names the one that receives it when only the office has a group', async () => {
    const { ticket, notices } = await lateMessage({ 'office:d01': 'key-d01' })
    expect(notices.map(([text]) => text)).to.deep.equal([
      `张伟代表，留言 ${ticket} 已过受理期限，群众还在等您受理。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
      `张伟代表，留言 ${ticket} 已过受理期限 3 天，群众还在等您受理，已告知湛河区人大办。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`,
    ])
  })
})
