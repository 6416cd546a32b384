import type { CaseRecord } from '../../domain/case.js'
import { localDate } from '../../domain/dates.js'
import { openPeriodText, type SeriesInterval } from '../../domain/case-series.js'
import type { HotIssue } from '../../domain/hot-issues.js'
import type { LivelihoodSection } from '../../domain/livelihood-week.js'
import { REPLIED_IN_TIME_NOTE } from '../../domain/case-stats.js'
import { answerTimelinessWords, receivedChange, type WeeklyReport } from '../../domain/weekly-report.js'
import { TREND_WORDS, weeklyReportWords } from '../../domain/weekly-report-words.js'
import type { PublicationRecord } from '../../services/analysis/publications.js'

// Hot issues and reports name places and counts, never a resident; the case ids let staff
// open the cases behind a figure (each opened within their own scope).

export const presentHotIssue = (i: HotIssue & { placeName: string; stationName: string | null }) => ({
  key: i.key,
  caseIds: i.caseIds,
  placeId: i.placeId,
  placeName: i.placeName,
  districtId: i.districtId,
  stationId: i.stationId,
  stationName: i.stationName,
  topic: i.topic,
  messages: i.messages,
  residents: i.residents,
  // 已合并办理 N 条: counted above (residents who wrote), handled with the message each went into. A weekly report kept
  // before merged messages were counted has none.
  merged: i.mergedIds?.length ?? 0,
  mergedIds: i.mergedIds ?? [],
  firstAt: i.firstAt.toISOString(),
  lastAt: i.lastAt.toISOString(),
  growth: i.growth,
  // In how many weeks of the window residents wrote about it (热度 weighs a problem that keeps coming back); a weekly
  // report kept before it was counted: one week.
  weeks: i.weeks ?? 1,
  reopenShare: i.reopenShare,
  overdueShare: i.overdueShare,
  // 热度 is an index: whole numbers, never a decimal that reads as a measurement.
  index: Math.round(i.index),
  description: i.description,
})

export const presentHotIssues = (r: { from: Date; to: Date; issues: Array<HotIssue & { placeName: string; stationName: string | null }> }) => ({
  from: r.from.toISOString(),
  to: r.to.toISOString(),
  issues: r.issues.map(presentHotIssue),
})

/**
 * The weekly report as the console's page shows it: its figures, and the sentences the table download says too
 * (weekly-report-sheet.ts), made once on the server: 截至 when the overdue are counted, how many the list leaves
 * out, the messages no deputy's row holds, what 按时答复 counts, and whether it was counted the earlier way.
 */
export const presentWeeklyReport = (r: { scope: string; week: string; report: WeeklyReport; weeks: string[] }, timeZone: string) => {
  const words = weeklyReportWords(r.report, timeZone)
  return {
    scope: r.scope,
    week: r.week,
    weeks: r.weeks,
    weekStart: r.report.weekStart.toISOString(),
    weekEnd: r.report.weekEnd.toISOString(),
    generatedAt: r.report.generatedAt.toISOString(),
    totals: r.report.totals,
    /** 收到留言, as 工作概览's weekly bar counts it (receivedChange): every message that came in the week. */
    receivedCount: receivedChange(r.report).received,
    /** 比上周 in words: "多 3 条", "少 2 条" or "持平", as the table download says it; "本周还没过完，暂不比较" before the week ends. */
    weekOnWeekText: words.weekOnWeekText,
    /** Beside the week's days for a report made before the week ended: "本周还没过完，统计到12月7日 1:59"; null once it had. */
    runningText: words.runningText,
    topIssues: r.report.topIssues.map((i) => ({
      ...presentHotIssue({ ...i, stationName: null }),
      rank: i.rank,
      previousIndex: i.previousIndex,
      trend: i.trend,
      trendLabel: TREND_WORDS[i.trend],
    })),
    byTopic: r.report.byTopic,
    byPlace: r.report.byPlace,
    overdue: r.report.overdue,
    // 是否按时 of each slow answer in words (按时 / 超过答复期限 3 天), as the download says it: days alone do not tell.
    slowest: r.report.slowest.map((x) => ({ ...x, lateDays: x.lateDays ?? null, timelinessText: answerTimelinessWords(x.lateDays) })),
    byDeputy: r.report.byDeputy,
    byStation: r.report.byStation,
    livelihood: r.report.livelihood ? presentLivelihoodSection(r.report.livelihood) : null,
    /** "11月29日", or "12月5日 22:48" for a week still running: the overdue figures are counted to it (截至…). */
    overdueAsOfText: words.overdueAsOfText,
    /** "共 20 条，列出超期最久的 10 条". */
    overdueCountText: words.overdueCountText,
    /** "另有 2 条没有分派给代表（未分派），…", or null when the deputies' rows add up. */
    unassignedText: words.unassignedText,
    repliedInTimeNote: REPLIED_IN_TIME_NOTE,
    /** Under 收到留言: "其中不予受理 2 条，不计入下面的统计", or null when the report counts every message that came. */
    receivedText: words.receivedText,
    /** Under 本周答复: "其中 2 条答复后群众不满意，要求重新办理" (answers of the week sent back, counted in it), or null. */
    repliedText: words.repliedText,
    /** Under 满意度: "本周 5 人评价，满意率 60%（4 分、5 分算满意）" (the ratings given in the week), or null when nobody rated. */
    satisfactionText: words.satisfactionText,
    /** Under the week's hot issues: why 本周热度 is not 热点问题's 热度. */
    heatNote: words.heatNote,
    /** Above the deputies' rows: their order. */
    deputyOrderText: words.deputyOrderText,
    /** Said at the top of a report kept from before the count changed, with 重新生成; null otherwise. */
    countedEarlierText: words.countedEarlierText,
    /** Which of its figures were counted otherwise, shown behind 看哪些不同; null with countedEarlierText. */
    countedEarlierDifferences: words.countedEarlierDifferences,
  }
}

/** 民生实事 in the report: names, stages and sentences only (no ids: the page links nowhere). */
export const presentLivelihoodSection = (s: LivelihoodSection) => ({
  offices: s.offices.map((o) => ({
    officeName: o.officeName,
    none: o.none,
    years: o.years.map((y) => ({
      title: y.title,
      year: y.year,
      stage: y.stage,
      stageLabel: y.stageLabel,
      summary: y.summary,
      attention: y.attention,
      projects: y.projects.map((p) => ({ title: p.title, unitName: p.unitName, latest: p.latest, progress: p.progress, late: p.late, rating: p.rating })),
    })),
  })),
})

export const presentSeries = (
  s: {
    interval: SeriesInterval
    groupBy: string
    from: Date
    to: Date
    periods: string[]
    open: string | null
    lines: Array<{ key: string; name: string; counts: number[]; total: number }>
  },
  timeZone: string,
) => ({
  interval: s.interval,
  groupBy: s.groupBy,
  from: s.from.toISOString(),
  to: s.to.toISOString(),
  periods: s.periods,
  /** The period under way (the last), counted only up to `to`; null when every period is whole. */
  open: s.open,
  /** What the open period counts, in words under the chart ("本周还没过完，只算到12月7日 9:00，数字还会增加。"); null with none. */
  openText: s.open ? openPeriodText(s.interval, s.to, timeZone) : null,
  lines: s.lines,
})

/** A candidate for publication as staff see it: the masked texts only, never the resident. */
export const presentCandidate = (c: CaseRecord, draft: { question: string; answer: string }) => ({
  caseId: c.id,
  ticket: c.ticket,
  topic: c.topic,
  status: c.status,
  repliedAt: c.repliedAt?.toISOString() ?? null,
  rating: c.rating,
  draft,
})

export const presentPublicationDraft = (d: {
  case: CaseRecord
  draft: { question: string; answer: string }
  published: PublicationRecord | null
  publishable: boolean
}) => ({
  ...presentCandidate(d.case, d.draft),
  publicConsent: d.case.publicConsent,
  publishable: d.publishable,
  published: d.published ? presentStaffPublication(d.published) : null,
})

export const presentStaffPublication = (p: PublicationRecord) => ({
  caseId: p.caseId,
  ticket: p.ticket,
  topic: p.topic,
  question: p.question,
  answer: p.answer,
  publishedAt: p.publishedAt.toISOString(),
})

/** What anyone may read: the masked question and answer, the topic and where, the dates (no ticket, no time of day). */
export const presentPublicCase = (p: PublicationRecord & { districtName: string | null; stationName: string | null }, timeZone: string) => ({
  id: p.caseId,
  topic: p.topic,
  district: p.districtName,
  station: p.stationName,
  question: p.question,
  answer: p.answer,
  askedOn: localDate(p.askedAt, timeZone),
  answeredOn: localDate(p.answeredAt, timeZone),
})

/** 统计分析 and 工作概览 as sent: the figures with what 按时答复 counts, in the server's words (the weekly report says the same). */
export const withRepliedInTimeNote = <T extends object>(figures: T) => ({ ...figures, repliedInTimeNote: REPLIED_IN_TIME_NOTE })
