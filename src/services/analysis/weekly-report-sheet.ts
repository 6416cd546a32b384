import { DAYS_TO_REPLY_NOTE, daysToReplyText, REPLIED_IN_TIME_NOTE, type CaseStats } from '../../domain/case-stats.js'
import { localDate, monthDayText } from '../../domain/dates.js'
import { answerTimelinessWords, receivedChange, type WeeklyReport } from '../../domain/weekly-report.js'
import { countedEarlierHead, momentText, TREND_WORDS, weeklyReportWords } from '../../domain/weekly-report-words.js'
import type { SheetCell } from '../csv-sheet.js'

// Numbers as the console's report writes them (admin/src/views/analysis/format.ts), but for the unit: a sheet's
// column says 满意度（分） once, the page says 4.5 分 in each cell.
const pct = (share: number | null) => (share === null ? '暂无' : `${Math.round(share * 100)}%`)
const score = (n: number | null) => (n === null ? '暂无评价' : Math.round(n * 10) / 10)
// A station's or deputy's row says "none" one way, whatever the column (the page's rows say it the same).
const NONE = '暂无'
const day = (at: Date, timeZone: string) => monthDayText(localDate(at, timeZone))
// Who holds a listed message: a station, or the office a station handed it up to (上报), so not 联络站.
const HANDLED_BY = '办理单位'
/** How long an answer took, as the page's column says it: 当天 for one answered the day it came (a bare 0 read as never). */
const SLOWEST_DAYS = '答复用了几天'
/** The list of 已超期 messages, named as the console's card names it (one name for overdue, said once what it is). */
const OVERDUE_PART = '已超期、还没答复的留言'

/**
 * The weekly report as a sheet, part by part as the console's page shows it: each part its title, the page's
 * columns and words (按主题, 未分派), and the notes the page prints beside its figures (截至…, 共 20 条，列出…).
 */
export function weeklyReportSheet(report: WeeklyReport, timeZone: string, place = ''): SheetCell[][] {
  const rows: SheetCell[][] = []
  const part = (title: string, header: SheetCell[], body: SheetCell[][], ...notes: string[]) => {
    rows.push([], [title], ...notes.map((n) => [n]), header, ...body)
  }
  const t = report.totals
  const words = weeklyReportWords(report, timeZone)
  const asOf = words.overdueAsOfText
  // Every message that came, as 工作概览's weekly bar counts it (a report kept before: those it counted).
  const { received } = receivedChange(report)
  const lastDay = new Date(report.weekEnd.getTime() - 1)
  const from = day(report.weekStart, timeZone)
  const to = day(lastDay, timeZone)
  // Whose report it is, as the page's title says it: a sheet is mailed on and printed without the page around it.
  // A week still running says so beside its days, as the page does: its figures are a part of the week's.
  const running = words.runningText ? `，${words.runningText}` : ''
  rows.push([`${place}留言分析周报（${from === to ? from : `${from}至${to}`}${running}），生成于${momentText(report.generatedAt, timeZone)}`])
  // A report kept from before: the page's sentence without its button, then what differs, each on its own line
  // (on paper nothing is folded away behind 看哪些不同).
  const differences = words.countedEarlierDifferences
  if (differences) rows.push([countedEarlierHead(report, timeZone)], ...differences.map((d) => [`${d}。`]))

  const receivedNote = words.receivedText
  const repliedNote = words.repliedText
  const satisfactionNote = words.satisfactionText
  part(
    '本周概况',
    ['收到留言（条）', '比上周', '涉及居民（位）', '本周答复（条）', `已超期（条，截至${asOf}）`, '满意度（分）', '评价人数', '满意率'],
    [
      [
        received,
        words.weekOnWeekText,
        t.residents,
        t.replied,
        t.overdueOpen,
        score(t.satisfaction),
        t.rated ?? '',
        t.satisfiedShare === undefined ? '' : pct(t.satisfiedShare),
      ],
    ],
    ...(receivedNote ? [`收到留言${receivedNote}。`] : []),
    ...(repliedNote ? [`本周答复${repliedNote}。`] : []),
    ...(satisfactionNote ? [`满意度：${satisfactionNote}。`] : []),
  )
  part(
    '本周热点问题',
    ['名次', '地点', '主题', '问题', '留言（条）', '居民（位）', '本周热度', '变化'],
    report.topIssues.map((i) => [i.rank, i.placeName, i.topic, i.description, i.messages, i.residents, Math.round(i.index), TREND_WORDS[i.trend]]),
    ...(report.topIssues.length ? [words.heatNote] : []),
  )
  part(
    '按主题',
    ['主题', '本周', '上周', '满意度（分）'],
    report.byTopic.map((x) => [x.topic, x.messages, x.previous, score(x.satisfaction)]),
  )
  part(
    '按地点（居民所在社区）',
    ['地点', '留言', '满意度（分）'],
    report.byPlace.map((x) => [x.name, x.messages, score(x.satisfaction)]),
  )
  part(
    OVERDUE_PART,
    ['编号', '主题', HANDLED_BY, '代表', `超期天数（截至${asOf}）`],
    report.overdue.map((x) => [x.ticket, x.topic, x.station ?? '', x.deputy ?? '未分派', x.daysOverdue]),
    report.overdue.length ? `截至${asOf}，${words.overdueCountText}` : `没有${OVERDUE_PART}。`,
  )
  part(
    '答复最慢的留言',
    ['编号', '主题', HANDLED_BY, '代表', SLOWEST_DAYS, '是否按时'],
    report.slowest.map((x) => [x.ticket, x.topic, x.station ?? '', x.deputy ?? '未分派', daysToReplyText(x.daysToReply), answerTimelinessWords(x.lateDays)]),
  )
  livelihood(report, part)

  const statsRow = (name: string, s: CaseStats): SheetCell[] => [
    name,
    s.total,
    pct(s.acknowledgedInTimeShare),
    pct(s.repliedInTimeShare),
    s.medianDaysToReply === null ? NONE : daysToReplyText(s.medianDaysToReply),
    s.finalSatisfaction === null ? NONE : score(s.finalSatisfaction),
  ]
  const statsHeader = ['名称', '留言', '按时受理', '按时答复', '一般几天答复', '满意度（分）']
  part(
    '各联络站办理情况',
    statsHeader,
    report.byStation.map((x) => statsRow(x.name, x.stats)),
    REPLIED_IN_TIME_NOTE,
    DAYS_TO_REPLY_NOTE,
  )
  const unassigned = words.unassignedText
  part(
    '各位代表办理情况',
    statsHeader,
    report.byDeputy.map((x) => statsRow(x.name, x.stats)),
    words.deputyOrderText,
    REPLIED_IN_TIME_NOTE,
    DAYS_TO_REPLY_NOTE,
    ...(unassigned ? [unassigned] : []),
  )
  return rows
}

/** 民生实事 as the page lays it out: each office, its years' stage and summary, what needs attention, the projects. */
function livelihood(report: WeeklyReport, part: (title: string, header: SheetCell[], body: SheetCell[][], ...notes: string[]) => void) {
  for (const office of report.livelihood?.offices ?? []) {
    if (office.none) part(`民生实事：${office.officeName}`, [office.none], [])
    for (const y of office.years) {
      const rated = y.projects.some((p) => p.rating !== null)
      part(
        `民生实事：${office.officeName}　${y.title}（现在是“${y.stageLabel}”阶段）`,
        ['年度项目', '承办单位', '最近填报的进展', '超期没有填报的季度', ...(rated ? ['代表评议'] : [])],
        y.projects.map((p) => [p.title, p.unitName, p.progress, p.late.length ? `第${p.late.join('、')}季度` : '没有', ...(rated ? [p.rating ?? ''] : [])]),
        y.summary,
        ...y.attention.map((a) => `本周需要关注：${a}`),
      )
    }
  }
}
