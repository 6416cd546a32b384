import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
/** Monday 23 November 2026, 10:00 in Shanghai: the report's week begins. */
const MONDAY = new Date('2026-11-23T02:00:00Z')
const at = (days: number, hours = 0) => new Date(MONDAY.getTime() + days * 24 * HOUR + hours * HOUR)

/**
 * A sent-back answer keeps its week. 张伟 answers the 路灯 message on Tuesday; its resident rates it 1 on Wednesday and
 * sends it back (重新办理), which clears the message's own answer for the new round. He answers the 井盖 message on
 * Thursday, and it stands. 孙丽 reads the week's report the next Monday: 本周答复 counts both answers given that week
 * (the deputy's work of the week), and says under it that one was sent back; 答复最慢 lists it with the days it took.
 * Its table download says the same.
 */
describe('the weekly report counts an answer of its week the resident sent back, and says so', () => {
  let app: TestApp
  const tickets: Record<string, string> = {}
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(MONDAY)
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (text: string) => {
      const resident = await asResident(app)
      const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return { resident, id: sent.body.id as string, ticket: sent.body.ticket as string }
    }
    const lamp = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路')
    const cover = await write('建设路社区门口的井盖松了，踩上去会响')
    Object.assign(tickets, { lamp: lamp.ticket, cover: cover.ticket })
    app.clock.set(at(1)) // Tuesday 10:00
    expect((await zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已报修，路灯这两天就修好。' })).status).to.equal(200)
    app.clock.set(at(2)) // Wednesday: not repaired, she sends it back
    expect((await lamp.resident.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 1 })).status).to.equal(200)
    const back = await lamp.resident.post(`/api/mp/cases/${lamp.id}/reopen`, { reason: '路灯还是不亮' })
    expect(back.body.status, JSON.stringify(back.body)).to.equal('reopened')
    app.clock.set(at(3)) // Thursday
    expect((await zhang.post(`/api/mp/deputy/cases/${cover.id}/reply`, { text: '已请物业今天换好了井盖。' })).status).to.equal(200)
    app.clock.set(at(7, -1)) // the next Monday, 09:00
  })
  after(() => app.close())

  const sunli = () => new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)

  it('counts both answers of the week in 本周答复, says one was sent back, and lists it among the slowest', async () => {
    const report = (await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-23')).body
    expect(report.totals).to.include({ replied: 2, repliedSentBack: 1 })
    expect(report.repliedText).to.equal('其中 1 条答复后群众不满意，要求重新办理')
    expect(report.slowest.map((s: { ticket: string; daysToReply: number }) => [s.ticket, s.daysToReply])).to.deep.equal([
      [tickets.cover, 3],
      [tickets.lamp, 1],
    ])
  })

  it('says the same in its table download', async () => {
    const answer = await (await sunli()).get('/api/admin/analysis/weekly-report.csv?scope=d01&week=2026-11-23')
    const lines = (answer.body as Buffer)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n')
    const header = lines.findIndex((l) => l.startsWith('收到留言（条）,'))
    expect(lines[header].split(',')[3]).to.equal('本周答复（条）')
    expect(lines[header + 1].split(',')[3]).to.equal('2')
    // Said with the part's other notes, above its table.
    expect(lines.slice(lines.indexOf('本周概况'), header)).to.include('本周答复其中 1 条答复后群众不满意，要求重新办理。')
  })
})
