import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildResident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { ANSWER_IN_THREE_DAYS, weekOfOverdueMessages } from '../helpers/weekly-report-week.js'

/** What a report kept before REPORT_COUNTING 4 lists as counted otherwise. */
const THE_DISTRICT_AND_RATINGS = [
  '区的周报按居民住在哪个区统计留言，没有算别的区转来、由本区办理的留言，和“工作概览”的数字可能不一样',
  '“满意度”算的是本周收到的留言后来得到的评价，不是本周群众给出的评价',
]
/** What a report kept before REPORT_COUNTING 5 lists as counted otherwise. */
const OVERDUE_AND_SENT_BACK = [
  '“已超期”和“已超期、还没答复的留言”把只是受理晚了、还没到答复期限的留言也算作超期',
  '“本周答复”没有算上本周答复后又被群众要求重新办理的留言',
]
/** The one sentence above the figures of any report kept before, whatever it counted otherwise. */
const COUNTED_EARLIER = '这份周报是12月4日 10:00 按旧的统计办法算的，有几项数字和“工作概览”对不上。请点右边“重新生成”。'

const REPLIED_IN_TIME =
  '按时答复：已答复的和已过答复期限的留言中，在答复期限内答复的占多少；过了答复期限还没答复的，算作没有按时答复。没有按时受理的，只算在“按时受理”里。'

/**
 * 孙丽 of 湛河区 reads last week's 周报 on the Friday after, and 张伟代表's 履职档案; 李娜, the clerk, moves messages
 * between deputies. The report's sentences (截至…, 共 12 条…, 另有 2 条…, what 按时答复 counts) come with it from the
 * server, as its download says them; a report kept from before the count changed says so until it is made again;
 * the 履职档案 counts 按时答复 as 统计分析 does; the resident's sentence has no space in it; and the timeline says
 * 改派 for the clerk's move, 转交 for a deputy's to a colleague, 交回 for one given back to the station.
 */
describe('reports say their sentences once, from the server, and by one rule', () => {
  let app: TestApp
  const tickets: Record<string, string> = {}
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

  before(async () => {
    app = await startApp({ directory: caseCity(), overrides: ANSWER_IN_THREE_DAYS })
    const { answered } = await weekOfOverdueMessages(app)
    Object.assign(tickets, { summary: answered.routing.summary })
  })
  after(() => app.close())

  it('sends the weekly report with its sentences, and 统计分析 and 工作概览 say 按时答复 in the same words', async () => {
    const sunli = await login('sunli')
    const report = (await sunli.get('/api/admin/analysis/weekly-report?week=2026-11-23')).body
    expect(report).to.include({
      overdueAsOfText: '11月29日',
      overdueCountText: '共 12 条，列出超期最久的 10 条',
      unassignedText: '另有 2 条没有分派给代表（未分派），不在上面的代表名下。',
      repliedInTimeNote: REPLIED_IN_TIME,
      countedEarlierText: null,
    })
    expect((await sunli.get('/api/admin/cases/stats?groupBy=station')).body.repliedInTimeNote).to.equal(REPLIED_IN_TIME)
    expect((await sunli.get('/api/admin/dashboard/cases')).body.repliedInTimeNote).to.equal(REPLIED_IN_TIME)
  })

  it('says on a report kept before the count changed that it was counted the earlier way, in its download too, until 重新生成', async () => {
    const sunli = await login('sunli')
    expect((await sunli.post('/api/admin/analysis/weekly-report?week=2026-11-23')).status).to.equal(200)
    // As a report the Monday job kept before reports said how they count: the same body without it.
    const kept = (await app.liaison.store.analysis.weeklyReport('d01', '2026-11-23'))!
    const { counting, ...before } = kept.body as Record<string, unknown>
    expect(counting, 'a report made now says how it counts').to.equal(5)
    await app.liaison.store.analysis.saveWeeklyReport({ ...kept, body: JSON.parse(JSON.stringify(before)) })

    const read = async () => {
      const body = (await sunli.get('/api/admin/analysis/weekly-report?week=2026-11-23')).body
      return [body.countedEarlierText, body.countedEarlierDifferences]
    }
    expect(await read()).to.deep.equal([
      COUNTED_EARLIER,
      [
        '“按时答复”没有把所有超期还没答复的留言算进去，比例可能偏高',
        '“各联络站办理情况”也没有人大办那一行，各行加起来可能比收到的留言少',
        '“本周答复”和“答复最慢的留言”没有算上本周对更早留言的答复',
        ...THE_DISTRICT_AND_RATINGS,
        ...OVERDUE_AND_SENT_BACK,
      ],
    ])
    const csv = async () => ((await sunli.get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')).body as Buffer).toString('utf8')
    // Under the title of the download: the sentence without its button (none on paper), then each difference on its line.
    expect(
      (await csv())
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .slice(1, 4),
      'said under the title of the download',
    ).to.deep.equal([
      '这份周报是12月4日 10:00 按旧的统计办法算的，有几项数字和“工作概览”对不上。',
      '“按时答复”没有把所有超期还没答复的留言算进去，比例可能偏高。',
      '“各联络站办理情况”也没有人大办那一行，各行加起来可能比收到的留言少。',
    ])
    // Kept when 按时答复 counted a late acknowledgement against it (counting 2): listed the way that report erred.
    await app.liaison.store.analysis.saveWeeklyReport({ ...kept, body: JSON.parse(JSON.stringify({ ...before, counting: 2 })) })
    expect(await read()).to.deep.equal([
      COUNTED_EARLIER,
      [
        '“按时答复”把只是受理晚了、还没到答复期限的留言也算作没有按时答复，比例可能偏低',
        '“本周答复”和“答复最慢的留言”没有算上本周对更早留言的答复',
        ...THE_DISTRICT_AND_RATINGS,
        ...OVERDUE_AND_SENT_BACK,
      ],
    ])
    // Kept before a district's report counted the messages its office handles and 满意度 the week's ratings (counting 3).
    await app.liaison.store.analysis.saveWeeklyReport({ ...kept, body: JSON.parse(JSON.stringify({ ...before, counting: 3 })) })
    expect(await read()).to.deep.equal([COUNTED_EARLIER, [...THE_DISTRICT_AND_RATINGS, ...OVERDUE_AND_SENT_BACK]])
    // Kept before 超期 was the reply deadline's alone and an answer sent back kept its week (counting 4).
    await app.liaison.store.analysis.saveWeeklyReport({ ...kept, body: JSON.parse(JSON.stringify({ ...before, counting: 4 })) })
    expect(await read()).to.deep.equal([COUNTED_EARLIER, OVERDUE_AND_SENT_BACK])

    const remade = await sunli.post('/api/admin/analysis/weekly-report?week=2026-11-23')
    expect(remade.body.countedEarlierText).to.equal(null)
    expect(await read()).to.deep.equal([null, null])
    expect(await csv()).not.to.include('旧的统计办法')
  })

  it('counts 张伟’s 按时答复 in his 履职档案 as 统计分析 does for him, and says so in its words', async () => {
    const sunli = await login('sunli')
    const record = (await sunli.get('/api/admin/records/dp0001?year=2026')).body
    const stats = (await sunli.get('/api/admin/cases/stats?groupBy=deputy')).body
    const his = stats.groups.find((g: { key: string }) => g.key === 'dp0001').stats
    // One answered in time; ten waiting past their reply deadline (超期), not answered in time: 1 of 11.
    expect(record.cases).to.include({ answered: 1, answeredOnTime: 1, overdueOpen: 10, repliedInTimeShare: 0.091 })
    expect(record.cases.repliedInTimeShare).to.equal(his.repliedInTimeShare)
    expect(record.cases.overdueOpen).to.equal(his.overdueOpen)
    // 统计分析's words, less the sentence that points at its 按时受理: the record has no such row.
    expect(record.repliedInTimeNote).to.equal(REPLIED_IN_TIME.replace('没有按时受理的，只算在“按时受理”里。', ''))
    expect(stats.repliedInTimeNote).to.equal(REPLIED_IN_TIME)
  })

  it('tells the resident where her message went without a space between the station and the deputy', () => {
    expect(tickets.summary).to.match(/^已交给轻工街道代表联络站的张伟代表（/)
  })

  it('says 改派 for the clerk’s move, 转交 for a deputy’s to a colleague and 交回 for one given back to the station', async () => {
    const lina = await login('lina')
    const resident = await buildResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '孩子上学的学位问题', regionId: 'c010101', deputyCode: 'DP0001' })
    expect((await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '王芳代表熟悉教育' })).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0003', reason: '李强代表住得近' })).status).to.equal(200)
    const li = await asDeputy(app, 'dp0003')
    expect((await li.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '需要工作人员协调' })).status).to.equal(200)

    const steps = (await lina.get(`/api/admin/cases/${c.id}`)).body.timeline as Array<{ label: string; actor: { name: string | null } }>
    expect(steps.map((s) => [s.label, s.actor.name])).to.deep.equal([
      ['提交留言', null],
      ['分派代表', null],
      ['改派', '李娜'],
      ['转交', '王芳'],
      ['交回', '李强'],
    ])
  })
})
