import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { buildResident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
/** 10:00 in Shanghai on a day of 2026 (month 1–12). */
const at = (month: number, day: number, hour = 10) => new Date(Date.UTC(2026, month - 1, day, hour - 8))

/**
 * 孙丽 opens 工作概览 → 按代表 to see which deputies are slow. Fifteen deputies of 湛河区 each received two or three messages
 * this week and are on them; 代表25号 and 代表26号 each received one in November and never answered it. Busiest first,
 * the table had no room for the two (review 38 § 1): the slow deputies must lead it, in red, with their overdue count.
 */
describe('工作概览 按代表: the deputies sitting on overdue messages come first', () => {
  let app: TestApp
  before(async () => {
    const city = caseCity()
    for (let n = 11; n <= 26; n++)
      city.deputies.push({
        id: `dp00${n}`,
        code: `DP00${n}`,
        name: `代表${n}号`,
        level: 'township',
        stationIds: ['st001'],
        topics: [],
        phone: null,
        dutyByStation: {},
      })
    app = await startApp({ directory: city })
    const write = async (deputyCode: string) => {
      const answer = await (await buildResident(app)).post('/api/mp/cases', { text: '建设路社区门口的路灯坏了', regionId: 'c010101', deputyCode })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      app.clock.advance(HOUR)
    }
    // November: one message each to the two slow deputies; nobody answers them.
    app.clock.set(at(11, 2))
    await write('DP0025')
    await write('DP0026')
    // This week: 张伟 three messages, 代表11号 to 代表24号 two each, all still well within their deadlines.
    app.clock.set(at(12, 7, 9))
    for (let i = 0; i < 3; i++) await write('DP0001')
    for (let n = 11; n <= 24; n++) for (let i = 0; i < 2; i++) await write(`DP00${n}`)
    app.clock.set(at(12, 8, 10))
  })
  after(() => app.close())

  it('puts 代表25号 and 代表26号 first with their overdue message, and says the others have none', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const board = (await sunli.get('/api/admin/dashboard/cases')).body
    expect(board.today.overdue.count, '已经超期').to.equal(2)
    const rows: Array<{ name: string; open: number; overdue: number; total: number }> = board.responsiveness.deputy
    expect(rows).to.have.length(15)
    expect(rows.slice(0, 2).map((r) => [r.name, r.overdue])).to.deep.equal([
      ['代表25号', 1],
      ['代表26号', 1],
    ])
    // Then who holds most still open: 张伟's three before the twos.
    expect(rows[2]).to.include({ name: '张伟', open: 3, overdue: 0 })
    expect(
      rows.reduce((n, r) => n + r.overdue, 0),
      'every overdue message is on a row',
    ).to.equal(board.today.overdue.count)
    expect(board.deputiesLeftOut.overdue).to.equal(0)
    expect(board.deputiesLeftOut.text).to.equal('按超期、在办的多少排列，列出前 15 位代表（共 17 位代表有留言）。另外 2 位代表：在办 4 条，没有超期的留言。')
    expect(board.deputiesLeftOut.statsQuery).to.deep.equal({ groupBy: 'deputy', sort: 'overdue' })
  })
})
