import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildResident, type Resident } from '../factories.js'
import { caseCity, LIFT_MESSAGES, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** 10:00 in Shanghai on a day of November 2026. */
const nov = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour - 8))

/** The file name a download is saved under, as the browser reads it (filename*, UTF-8). */
const savedAs = (headers: Headers) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(headers.get('content-disposition') ?? '')?.[1] ?? '')
const lines = (body: unknown) =>
  (body as Buffer)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n')

/**
 * 孙丽 directs 湛河区's office and takes 分析周报 for 11月23日至11月29日 to the 主任会议. That week 张伟 answered a message
 * written three weeks before (late), and two of the week's lift messages (rated 5 and 2); 王芳 has not yet
 * acknowledged the other three; 李娜 turned down an advert (不予受理). Everything she reads must be countable by hand
 * and say what it counts.
 */
describe('分析周报 and 工作概览 for the office: every answer of the week, one 按时答复, numbers that agree', () => {
  let app: TestApp
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const sent: Record<string, { id: string; ticket: string; resident: Resident }> = {}

  before(async () => {
    app = await startApp({ directory: caseCity() })
    const write = async (key: string, text: string, deputyCode: string, at: Date) => {
      app.clock.set(at)
      const resident = await buildResident(app)
      const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent[key] = { id: answer.body.id, ticket: answer.body.ticket, resident }
    }
    const zhang = await asDeputy(app, 'dp0001')
    const reply = async (key: string, at: Date, text: string) => {
      app.clock.set(at)
      expect((await zhang.post(`/api/mp/deputy/cases/${sent[key].id}/reply`, { text })).status).to.equal(200)
    }

    // Three weeks before, acknowledged at once; its reply was due by 11月23日.
    await write('old', '建设路社区健身器材坏了好久，孩子玩的时候容易受伤', 'DP0001', nov(2))
    expect((await zhang.post(`/api/mp/deputy/cases/${sent.old.id}/acknowledge`, {})).status).to.equal(200)
    // The week: five lift messages, two to 张伟 and three to 王芳, and an advert.
    await write('lift1', LIFT_MESSAGES[0], 'DP0001', nov(23))
    await write('lift2', LIFT_MESSAGES[1], 'DP0001', nov(23, 11))
    await write('lift3', LIFT_MESSAGES[2], 'DP0002', nov(23, 12))
    await write('lift4', LIFT_MESSAGES[3], 'DP0002', nov(24))
    await write('lift5', LIFT_MESSAGES[4], 'DP0002', nov(25))
    await write('advert', '低价出售保健品，有意者联系', 'DP0001', nov(26))
    const lina = await login('lina')
    app.clock.set(nov(26, 11))
    expect((await lina.post(`/api/admin/cases/${sent.advert.id}/reject`, { reason: '广告，不是意见建议' })).status).to.equal(200)

    await reply('lift1', nov(24, 9), '已联系物业，电梯今天修好了。')
    await reply('lift2', nov(24, 9), '已请维保公司来修，请再等两天。')
    app.clock.set(nov(24, 20))
    expect((await sent.lift1.resident.post(`/api/mp/cases/${sent.lift1.id}/rate`, { rating: 5 })).status).to.equal(200)
    expect((await sent.lift2.resident.post(`/api/mp/cases/${sent.lift2.id}/rate`, { rating: 2 })).status).to.equal(200)
    await reply('old', nov(25), '已请街道更换了健身器材，谢谢您的提醒。')

    // Monday morning after the week.
    app.clock.set(nov(30, 9))
  })
  after(() => app.close())

  const report = async () => {
    const answer = await (await login('sunli')).get('/api/admin/analysis/weekly-report?week=2026-11-23')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body
  }

  it('counts every answer given in the week, the late one to a message of three weeks before too, slowest first', async () => {
    const r = await report()
    expect(r.totals).to.include({ replied: 3 })
    expect(r.slowest.map((s: { ticket: string; daysToReply: number }) => [s.ticket, s.daysToReply])).to.deep.equal(
      [
        [sent.old.ticket, 23],
        [sent.lift2.ticket, 0.9],
        [sent.lift1.ticket, 1],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    )
  })

  it('says 收到 as 工作概览’s weekly bar counts it, and in words which of them the figures leave out', async () => {
    const r = await report()
    const board = (await (await login('sunli')).get('/api/admin/dashboard/cases')).body
    const bar = board.weeks.find((w: { label: string }) => w.label === '11月23日')
    expect(r.totals).to.include({ received: 6, messages: 5, rejected: 1 })
    expect(r.totals.received, 'the dashboard’s bar of the same week').to.equal(bar.count)
    expect(r.receivedText).to.equal('其中不予受理 1 条，不计入下面的统计')
    // 收到 and 比上周 counted once, on the server, as the download's 本周概况 says them (none came the week before).
    expect([r.receivedCount, r.weekOnWeekText]).to.deep.equal([6, '多 6 条'])
    const csv = lines((await (await login('sunli')).get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')).body)
    expect(csv[csv.findIndex((line) => line.startsWith('收到留言（条）,比上周')) + 1]).to.match(/^6,多 6 条,/)
  })

  it('says beside 满意度 how many rated and the share satisfied', async () => {
    const r = await report()
    expect(r.totals).to.include({ satisfaction: 3.5, rated: 2, satisfiedShare: 0.5 })
    expect(r.satisfactionText).to.equal('本周 2 人评价，满意率 50%（4 分、5 分算满意）')
  })

  it('counts 按时答复 against the reply deadline alone: 王芳’s three, only late in being acknowledged, are 按时受理’s', async () => {
    const r = await report()
    const station = r.byStation.find((s: { name: string }) => s.name === '轻工街道代表联络站').stats
    // The week's two answers were in time; no reply of the week's is due yet, so none is 超期 either.
    expect(station).to.include({ repliedInTimeShare: 1, acknowledgedInTimeShare: 0.4, overdueOpen: 0 })
    const sunli = await login('sunli')
    // All of 湛河区's: the two in time and the one three weeks late.
    const stats = (await sunli.get('/api/admin/cases/stats?groupBy=station')).body
    expect(stats.overall).to.include({ repliedInTimeShare: 0.667, overdueOpen: 0 })
    const board = (await sunli.get('/api/admin/dashboard/cases')).body
    expect(board.responsiveness.station.map((b: { name: string; repliedInTimeShare: number }) => [b.name, b.repliedInTimeShare])).to.deep.equal([
      ['轻工街道代表联络站', 0.667],
    ])
    expect(r.repliedInTimeNote).to.equal(
      '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。',
    )
  })

  it('lists the deputies with the most messages first, says so, and says "none" one way', async () => {
    const r = await report()
    expect(r.byDeputy.map((d: { name: string; stats: { total: number } }) => [d.name, d.stats.total])).to.deep.equal([
      ['王芳', 3],
      ['张伟', 2],
    ])
    expect(r.deputyOrderText).to.equal('按本周留言多少排列，一样多的超期多的在前。')
    const csv = lines((await (await login('sunli')).get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')).body)
    const deputies = csv.indexOf('各位代表办理情况')
    expect(csv.slice(deputies + 1, deputies + 7)).to.deep.equal([
      '按本周留言多少排列，一样多的超期多的在前。',
      '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。',
      '一般几天答复：一半的留言在这个天数内答复。',
      '名称,留言,按时受理,按时答复,一般几天答复,满意度（分）',
      '王芳,3,0%,暂无,暂无,暂无',
      '张伟,2,100%,100%,0.9 天,3.5',
    ])
  })

  it('names the download for its district and week, says whose it is on its first line, and gives 本周热度 in whole numbers', async () => {
    const answer = await (await login('sunli')).get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')
    expect(savedAs(answer.headers)).to.equal('湛河区-分析研判周报-2026-11-23.csv')
    const csv = lines(answer.body)
    expect(csv[0]).to.match(/^湛河区留言分析周报（11月23日至11月29日），生成于/)
    const top = csv.indexOf('本周热点问题')
    expect(csv[top + 1]).to.equal('本周热度只算本周的留言；“热点问题”页面的热度算所选时间段（默认近 30 天）的留言，所以同一个问题的数字不一样。')
    expect(csv[top + 2]).to.equal('名次,地点,主题,问题,留言（条）,居民（位）,本周热度,变化')
    expect(csv[top + 3].split(',')[6]).to.match(/^\d+$/)
    const r = await report()
    expect(r.topIssues).to.have.length(1)
    expect(Number.isInteger(r.topIssues[0].index), `本周热度 ${r.topIssues[0].index}`).to.equal(true)
    const hot = (await (await login('sunli')).get('/api/admin/analysis/hot-issues')).body.issues
    expect(hot.map((i: { index: number }) => Number.isInteger(i.index))).to.deep.equal([true])
  })

  it('names the inbox download for its district, its filter and its day, and gives each message’s place and answer', async () => {
    app.clock.set(new Date('2026-12-06T08:00:00Z')) // Sunday 6 December, 16:00
    const sunli = await login('sunli')
    const overdue = await sunli.get('/api/admin/cases.csv?overdue=true&order=due')
    expect(overdue.status).to.equal(200)
    expect(savedAs(overdue.headers)).to.equal('湛河区-留言列表-已超期-2026-12-06.csv')
    const all = await sunli.get('/api/admin/cases.csv')
    expect(savedAs(all.headers)).to.equal('湛河区-留言列表-2026-12-06.csv')
    const [header, ...rows] = lines(all.body)
    const columns = header.split(',')
    for (const column of ['地点', '承办部门', '答复时间', '答复内容']) expect(columns, column).to.include(column)
    const row = rows.find((l) => l.startsWith(sent.old.ticket))!.split(',')
    expect(row[columns.indexOf('地点')]).to.equal('建设路社区')
    expect(row[columns.indexOf('答复内容')]).to.equal('已请街道更换了健身器材，谢谢您的提醒。')
    expect(row[columns.indexOf('答复时间')]).to.equal('2026-11-25 10:00')
  })
})

/**
 * 孙丽's 按代表 on 工作概览 has room for the 15 busiest of 湛河区's 17 deputies with messages: it says so, says what the
 * other two hold, so that the rows and that line add up to 正在办理, and leads to 统计分析 by deputy for all of them.
 */
describe('工作概览 按代表: the busiest deputies, and in words the ones left out', () => {
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
    app.clock.set(nov(23))
    const write = async (deputyCode: string) => {
      const answer = await (await buildResident(app)).post('/api/mp/cases', { text: '建设路社区门口的路灯坏了', regionId: 'c010101', deputyCode })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      app.clock.advance(HOUR)
    }
    await write('DP0001')
    await write('DP0001')
    for (let n = 11; n <= 26; n++) await write(`DP00${n}`)
    // A month on: nobody acknowledged or answered any of them, every one past its reply deadline (超期).
    app.clock.set(new Date(nov(23).getTime() + 30 * DAY))
  })
  after(() => app.close())

  it('says 15 of 17 deputies are shown, what the other two hold, and where to see them all', async () => {
    const board = (await (await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)).get('/api/admin/dashboard/cases')).body
    const rows: Array<{ name: string; open: number; overdue: number }> = board.responsiveness.deputy
    expect(rows).to.have.length(15)
    expect(rows[0]).to.include({ name: '张伟', open: 2 })
    expect(board.deputiesLeftOut).to.deep.equal({
      shown: 15,
      total: 17,
      open: 2,
      overdue: 2,
      overdueDeputies: 2,
      text: '按超期、在办的多少排列，列出前 15 位代表（共 17 位代表有留言）。另外 2 位代表：在办 2 条，超期 2 条（在 2 位代表名下，点“查看全部代表”可以看到是谁）。',
      statsQuery: { groupBy: 'deputy', sort: 'overdue' },
    })
    const sum = (pick: (r: { open: number; overdue: number }) => number) => rows.reduce((n, r) => n + pick(r), 0)
    expect(sum((r) => r.open) + board.deputiesLeftOut.open, '在办 adds up to 正在办理').to.equal(board.today.open.count)
    expect(sum((r) => r.overdue) + board.deputiesLeftOut.overdue, '超期 adds up to 已经超期').to.equal(board.today.overdue.count)
    // 统计分析 by deputy, where 查看全部代表 leads, has every one of them.
    const stats = (await (await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)).get('/api/admin/cases/stats?groupBy=deputy&sort=total&limit=20')).body
    expect(stats.groups).to.have.length(17)
  })

  it('says nothing of the kind when every deputy with messages is shown (a clerk’s five)', async () => {
    const zhoujie = (await (await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)).get('/api/admin/dashboard/cases')).body
    expect(zhoujie.deputiesLeftOut).to.equal(null)
  })
})
