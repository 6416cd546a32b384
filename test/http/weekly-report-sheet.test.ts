import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { ANSWER_IN_THREE_DAYS, weekOfOverdueMessages } from '../helpers/weekly-report-week.js'

interface OverdueRow {
  ticket: string
  station: string | null
  deputy: string | null
  daysOverdue: number
}

/**
 * 孙丽 reads last week's 周报 on the Friday after. Twelve of 湛河区's messages were still waiting when the week ended:
 * the report says its overdue figures are counted to the week's last day (截至11月29日), that it lists the ten most
 * overdue of the twelve, and names 未分派 where no deputy holds a message and the office where one was handed up.
 * Its table download says the same in the page's words and columns. 超期 and 按时答复 judge the reply's deadline (three
 * working days in this office's rules: ANSWER_IN_THREE_DAYS), which every waiting one has passed.
 */
describe('the weekly report: its overdue list says when and how many, and its table download says what the page says', () => {
  let app: TestApp
  const tickets: Record<string, string> = {}
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

  before(async () => {
    app = await startApp({ directory: caseCity(), overrides: ANSWER_IN_THREE_DAYS })
    const { queued, handedUp, answered } = await weekOfOverdueMessages(app)
    Object.assign(tickets, { queued: queued.ticket, handedUp: handedUp.ticket, answered: answered.ticket })
  })
  after(() => app.close())

  it('says on the page whom the unplaced and the handed-up messages wait for, and counts the stations’ rows to the week’s messages', async () => {
    const report = (await (await login('sunli')).get('/api/admin/analysis/weekly-report?week=2026-11-23')).body
    expect(report.totals).to.include({ messages: 13, overdueOpen: 12 })
    const overdue = report.overdue as OverdueRow[]
    expect(overdue).to.have.length(10)
    const byTicket = new Map(overdue.map((o) => [o.ticket, o]))
    expect(byTicket.get(tickets.queued)).to.include({ station: '轻工街道代表联络站', deputy: null })
    expect(byTicket.get(tickets.handedUp)).to.include({ station: '湛河区人大常委会办公室', deputy: null })
    // Counted to the week's end (Monday 30 November, 00:00), not to today: the queued one was to be answered on Thursday.
    expect(byTicket.get(tickets.queued)!.daysOverdue).to.equal(3)
    expect(
      overdue.slice(0, 2).map((o) => o.ticket),
      'the longest overdue first',
    ).to.deep.equal([tickets.queued, tickets.handedUp])
    const stations = report.byStation as Array<{ name: string; stats: { total: number; repliedInTimeShare: number | null } }>
    expect(stations.map((s) => [s.name, s.stats.total])).to.deep.equal([
      ['轻工街道代表联络站', 12],
      ['湛河区人大常委会办公室', 1],
    ])
    // One answered in time; the eleven waiting are late in being acknowledged (按时受理) and past their reply deadline.
    expect(stations[0].stats).to.include({ repliedInTimeShare: 0.083, acknowledgedInTimeShare: 0.083 })
  })

  it('downloads the same parts in the page’s words and columns', async () => {
    const answer = await (await login('sunli')).get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')
    expect(answer.status).to.equal(200)
    const csv = (answer.body as Buffer).toString('utf8')
    const lines = csv.replace(/^\ufeff/, '').split('\r\n')
    const after = (title: string, n = 1) => lines.slice(lines.indexOf(title) + 1, lines.indexOf(title) + 1 + n)
    expect(lines[0]).to.equal('湛河区留言分析周报（11月23日至11月29日），生成于12月4日 10:00')
    expect(after('本周概况', 2)).to.deep.equal([
      '收到留言（条）,比上周,涉及居民（位）,本周答复（条）,已超期（条，截至11月29日）,满意度（分）,评价人数,满意率',
      '13,多 13 条,13,1,12,暂无评价,0,暂无',
    ])
    expect(csv).to.include('\r\n按主题\r\n主题,本周,上周,满意度（分）\r\n')
    expect(csv).not.to.include('按类别')
    expect(after('已超期、还没答复的留言', 2)).to.deep.equal([
      '截至11月29日，共 12 条，列出超期最久的 10 条',
      '编号,主题,办理单位,代表,超期天数（截至11月29日）',
    ])
    expect(csv).to.match(new RegExp(`\r\n${tickets.queued},[^,]+,轻工街道代表联络站,未分派,3\r\n`))
    expect(csv).to.match(new RegExp(`\r\n${tickets.handedUp},[^,]+,湛河区人大常委会办公室,未分派,3\r\n`))
    expect(csv, 'no stray space where a deputy would be').not.to.match(/ ；| ,|, /)
    expect(after('各联络站办理情况', 5)).to.deep.equal([
      '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。',
      '一般几天答复：一半的留言在这个天数内答复。',
      '名称,留言,按时受理,按时答复,一般几天答复,满意度（分）',
      '轻工街道代表联络站,12,8%,8%,当天,暂无',
      '湛河区人大常委会办公室,1,0%,0%,暂无,暂无',
    ])
    expect(after('各位代表办理情况', 6)).to.deep.equal([
      '按本周留言多少排列，一样多的超期多的在前。',
      '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。',
      '一般几天答复：一半的留言在这个天数内答复。',
      '另有 2 条没有分派给代表（未分派），不在上面的代表名下。',
      '名称,留言,按时受理,按时答复,一般几天答复,满意度（分）',
      '张伟,11,9%,9%,当天,暂无',
    ])
  })
})
