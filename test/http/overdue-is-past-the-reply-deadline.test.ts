import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday, MONDAY_10AM } from '../helpers/lina-on-monday.js'
import { STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

interface Line {
  id: string
  ticket: string
  sla: { text: string; tone: string } | null
}

/**
 * 超期 (已超期) is the reply deadline's, wherever 李娜 reads it: the inbox's 只看已超期, 工作概览's 已经超期 and her
 * deputies' 超期, 统计分析's 超期在办 and the 分派 list's 已超期 count the messages whose badge says 已超期. A message only
 * late in being acknowledged, its answer not yet due, says 未按时受理 on its badge, and has its own filter (只看未按时受理)
 * and figure, never counted in 已超期.
 *
 * Her Monday: 张伟 holds the 路灯 message and does not acknowledge it. She gives the 电梯 message to 王芳 to answer by
 * Tuesday (要求答复日期); 王芳 acknowledges it and does not answer. On Tuesday afternoon she gives the 停水 message to
 * 王芳 to answer that same day: 王芳 has until Wednesday afternoon to acknowledge it, but its answer was due on Tuesday.
 * 张伟 answers the 井盖 message at once. Wednesday morning she looks.
 */
describe('超期 is past the reply deadline everywhere it is counted or listed; 未按时受理 is its own', () => {
  let app: TestApp
  let lina: Client
  const sent: Record<'lamp' | 'lift' | 'water' | 'cover', { id: string; ticket: string }> = {} as never

  before(async () => {
    ;({ app, lina } = await linaOnMonday())
    const write = async (text: string) => {
      const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      return answer.body as { id: string; ticket: string }
    }
    const give = async (id: string, replyBy: string) => {
      const given = await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', replyBy })
      expect(given.status, JSON.stringify(given.body)).to.equal(200)
    }
    sent.lamp = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路')
    sent.lift = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼')
    sent.cover = await write('建设路社区门口的井盖松了，踩上去会响')
    await give(sent.lift.id, '2026-11-24')
    expect((await (await asDeputy(app, 'dp0002')).post(`/api/mp/deputy/cases/${sent.lift.id}/acknowledge`, {})).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${sent.cover.id}/reply`, { text: '已请物业今天换好了井盖。' })).status).to.equal(
      200,
    )
    app.clock.set(new Date(MONDAY_10AM.getTime() + 29 * HOUR)) // Tuesday 15:00
    lina = await lina.login('lina', STAFF_PASSWORD) // the next day: a new login
    sent.water = await write('建设路社区2号楼停水三天了，也没有通知')
    await give(sent.water.id, '2026-11-24')
    app.clock.set(new Date(MONDAY_10AM.getTime() + 47 * HOUR)) // Wednesday 09:00
    lina = await lina.login('lina', STAFF_PASSWORD) // two days on: a new login
  })
  after(() => app.close())

  const listed = async (query: string) => {
    const answer = await lina.get(`/api/admin/cases?${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body as { items: Line[]; total: { text: string } }
  }
  const tickets = (lines: Line[]) => lines.map((l) => l.ticket).sort()

  it('lists under 只看已超期 exactly the messages whose badge says 已超期, and under 只看未按时受理 those whose badge says so', async () => {
    const late = [sent.lift.ticket, sent.water.ticket].sort()
    for (const order of ['newest', 'due']) {
      const overdue = await listed(`overdue=true&order=${order}`)
      expect(tickets(overdue.items), `只看已超期, ${order}`).to.deep.equal(late)
      expect(overdue.items.map((l) => l.sla?.text)).to.deep.equal(['已超期 1 天', '已超期 1 天'])
      expect(overdue.total.text).to.equal('共 2 条')
      const ackLate = await listed(`ackLate=true&order=${order}`)
      expect(tickets(ackLate.items), `只看未按时受理, ${order}`).to.deep.equal([sent.lamp.ticket])
      expect(ackLate.items[0].sla).to.include({ text: '未按时受理', tone: 'ack_late' })
      expect(ackLate.total.text).to.equal('共 1 条')
    }
    // Every badge of the whole list agrees with the two filters.
    const all = (await listed('limit=50')).items
    expect(tickets(all.filter((l) => l.sla?.tone === 'overdue'))).to.deep.equal(late)
    expect(tickets(all.filter((l) => l.sla?.tone === 'ack_late'))).to.deep.equal([sent.lamp.ticket])
  })

  it('counts the same on 工作概览: 已经超期 and 未按时受理 apart, each opening its own list, and each deputy’s 超期', async () => {
    const board = (await lina.get('/api/admin/dashboard/cases')).body
    expect(board.today.overdue).to.deep.equal({ count: 2, filters: { overdue: 'true', order: 'due' } })
    expect(board.today.ackLate).to.deep.equal({ count: 1, filters: { ackLate: 'true', order: 'due' } })
    const rows = new Map((board.responsiveness.deputy as Array<{ name: string; open: number; overdue: number }>).map((r) => [r.name, [r.open, r.overdue]]))
    expect(rows.get('王芳'), '王芳: two past their reply deadline').to.deep.equal([2, 2])
    expect(rows.get('张伟'), '张伟: one only acknowledged late, one answered').to.deep.equal([2, 0])
  })

  it('counts the same in 统计分析 (超期在办) and beside each deputy in the 分派 list (已超期)', async () => {
    const stats = (await lina.get('/api/admin/cases/stats?groupBy=deputy')).body
    expect(stats.overall.overdueOpen, '超期在办').to.equal(2)
    const byName = new Map((stats.groups as Array<{ name: string; stats: { overdueOpen: number } }>).map((g) => [g.name, g.stats.overdueOpen]))
    expect([byName.get('王芳'), byName.get('张伟')]).to.deep.equal([2, 0])
    const choices = (await lina.get(`/api/admin/cases/${sent.lamp.id}/deputy-choices`)).body.items as Array<{ name: string; loadText: string }>
    const load = new Map(choices.map((d) => [d.name, d.loadText]))
    expect(load.get('王芳')).to.equal('在办 2 条，已超期 2 条')
    expect(load.get('张伟'), 'his late acknowledgement is not 已超期: said as its own').to.equal('在办 1 条，未按时受理 1 条')
  })

  it('names the download of 只看未按时受理 for what it holds', async () => {
    const sheet = await lina.get('/api/admin/cases.csv?ackLate=true')
    expect(sheet.status).to.equal(200)
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(sheet.headers.get('content-disposition') ?? '')?.[1] ?? '')
    expect(name).to.equal('轻工街道代表联络站-留言列表-未按时受理-2026-11-25.csv')
    const rows = (sheet.body as Buffer)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(rows.slice(1).map((r) => r.split(',')[0])).to.deep.equal([sent.lamp.ticket])
  })
})
