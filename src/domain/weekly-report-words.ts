/**
 * The weekly report's words: the sentences the console's page and the table download (weekly-report-sheet.ts) print
 * beside its figures, made once on the server from what composeWeeklyReport counted (weekly-report.ts).
 */
import { localDate, momentText, monthDayText } from './dates.js'
import { receivedChange, REPORT_COUNTING, unassignedCount, type Trend, type WeeklyReport } from './weekly-report.js'

// The report says its moments as the rest of the console does (12月5日 22:48); kept here for its callers.
export { momentText }

/** A trend as staff read it, in the console and in the CSV alike. */
export const TREND_WORDS: Record<Trend, string> = { new: '新出现', up: '上升', down: '下降', same: '持平' }

/**
 * Whether the report was made before its week ended (this week's, picked on its Monday): its figures then run to the
 * moment it was made, as composeWeeklyReport counts them, not to the week's end.
 */
export const weekStillRunning = (r: Pick<WeeklyReport, 'weekEnd' | 'generatedAt'>): boolean => r.generatedAt < r.weekEnd

/**
 * When a report's overdue figures are counted to, in words (截至…): an ended week's last day ("11月29日"), or the
 * moment a report of a week still running was made ("12月5日 22:48"), as composeWeeklyReport counts them.
 */
export function overdueAsOfText(r: Pick<WeeklyReport, 'weekEnd' | 'generatedAt'>, timeZone: string): string {
  return weekStillRunning(r) ? momentText(r.generatedAt, timeZone) : monthDayText(localDate(new Date(r.weekEnd.getTime() - 1), timeZone))
}

/**
 * Said beside the week's days for a report made before its week ended: "本周还没过完，统计到12月7日 1:59", so that a
 * few hours' figures are not read as the week's. Null for a week that had ended.
 */
export function runningText(r: Pick<WeeklyReport, 'weekEnd' | 'generatedAt'>, timeZone: string): string | null {
  return weekStillRunning(r) ? `本周还没过完，统计到${momentText(r.generatedAt, timeZone)}` : null
}

/** 比上周 for a week still running: a part of a week is not compared with a whole one (多 5 条 after two hours). */
export const NOT_COMPARED_YET = '本周还没过完，暂不比较'

/** How many overdue messages there are and how many the list shows: "共 20 条，列出超期最久的 10 条" when it is cut. */
export function overdueCountText(r: Pick<WeeklyReport, 'totals' | 'overdue'>): string {
  const all = Math.max(r.totals.overdueOpen, r.overdue.length)
  return all > r.overdue.length ? `共 ${all} 条，列出超期最久的 ${r.overdue.length} 条` : `共 ${all} 条`
}

/**
 * What 本周热度 is, said under the report's hot issues: the same formula as 热点问题's 热度, over one week's messages,
 * where that page counts the days it shows (30 by default), so the same issue reads lower here.
 */
export const WEEK_HEAT_NOTE = '本周热度只算本周的留言；“热点问题”页面的热度算所选时间段（默认近 30 天）的留言，所以同一个问题的数字不一样。'

/**
 * The messages of the week the report leaves out of its figures, under 收到留言 (which counts them, as 工作概览's weekly
 * bar does): "其中不予受理 2 条，不计入下面的统计". Null when none was left out, or for a report kept before they were counted.
 */
export function receivedText(r: Pick<WeeklyReport, 'totals'>): string | null {
  const { rejected = 0, merged = 0 } = r.totals
  const parts = [rejected && `不予受理 ${rejected} 条`, merged && `与其他留言合并 ${merged} 条`].filter(Boolean)
  return parts.length ? `其中${parts.join('、')}，不计入下面的统计` : null
}

/**
 * How many rated in the week and how many of them were satisfied, under 满意度: "本周 5 人评价，满意率 60%（4 分、5 分
 * 算满意）" (the ratings given that week, to a message of any week). A report kept before REPORT_COUNTING 4 counted the
 * week's messages' ratings, whenever given: said without 本周 ("5 人评价…"). Null when nobody rated, or for a report kept
 * before the count was kept.
 */
export function satisfactionText(r: Pick<WeeklyReport, 'totals' | 'counting'>): string | null {
  const { rated, satisfiedShare } = r.totals
  if (!rated || satisfiedShare === undefined || satisfiedShare === null) return null
  return `${r.counting >= 4 ? '本周 ' : ''}${rated} 人评价，满意率 ${Math.round(satisfiedShare * 100)}%（4 分、5 分算满意）`
}

/**
 * Under 本周答复: how many of the week's answers the residents sent back for 重新办理 ("其中 2 条答复后群众不满意，要求
 * 重新办理"): counted as answers of the week they were given, and said, so that the office reads both. Null when none
 * was, or for a report kept before they were counted (REPORT_COUNTING 5).
 */
export function repliedText(r: Pick<WeeklyReport, 'totals'>): string | null {
  const n = r.totals.repliedSentBack ?? 0
  return n > 0 ? `其中 ${n} 条答复后群众不满意，要求重新办理` : null
}

/** Said above the deputies' table, whose order is the meeting's: the most messages first, then the most overdue. */
export const DEPUTY_ORDER_TEXT = '按本周留言多少排列，一样多的超期多的在前。'

/** The line under the deputies' rows that makes them add up to the week's messages; null when they do already. */
export function unassignedText(r: Pick<WeeklyReport, 'totals' | 'byDeputy'>): string | null {
  const n = unassignedCount(r)
  return n > 0 ? `另有 ${n} 条没有分派给代表（未分派），不在上面的代表名下。` : null
}

/**
 * What a report kept from before the count changed says of itself, at its top, in one sentence a director reads at a
 * glance: when it was made, that it was counted the old way, and 重新生成 (the button to its right) counts it again.
 * Which figures differ is a list of its own (countedEarlierDifferences), behind 看哪些不同. Null for a report counted
 * as reports are now. Its figures are kept as made, not counted again as it is read: a director may have quoted them,
 * and a recount also lists the overdue as they stand today. (Only the deputies' rows of one kept before they were
 * ordered are put in the order DEPUTY_ORDER_TEXT states as it is read, weekly-reports.ts `revive`.)
 */
export function countedEarlierText(r: Pick<WeeklyReport, 'counting' | 'generatedAt'>, timeZone: string): string | null {
  return r.counting >= REPORT_COUNTING ? null : `${countedEarlierHead(r, timeZone)}请点右边“重新生成”。`
}

/** The sentence without the button, for the table download (no button beside it on paper). */
export function countedEarlierHead(r: Pick<WeeklyReport, 'generatedAt'>, timeZone: string): string {
  return `这份周报是${momentText(r.generatedAt, timeZone)} 按旧的统计办法算的，有几项数字和“工作概览”对不上。`
}

/** Each figure a report kept from before counted otherwise, in the order they changed; null for one counted as now. */
export function countedEarlierDifferences(r: Pick<WeeklyReport, 'counting'>): string[] | null {
  if (r.counting >= REPORT_COUNTING) return null
  const differences: string[] = []
  if (r.counting < 2)
    differences.push('“按时答复”没有把所有超期还没答复的留言算进去，比例可能偏高', '“各联络站办理情况”也没有人大办那一行，各行加起来可能比收到的留言少')
  else if (r.counting < 3) differences.push('“按时答复”把只是受理晚了、还没到答复期限的留言也算作没有按时答复，比例可能偏低')
  if (r.counting < 3) differences.push('“本周答复”和“答复最慢的留言”没有算上本周对更早留言的答复')
  if (r.counting < 4)
    differences.push(
      '区的周报按居民住在哪个区统计留言，没有算别的区转来、由本区办理的留言，和“工作概览”的数字可能不一样',
      '“满意度”算的是本周收到的留言后来得到的评价，不是本周群众给出的评价',
    )
  differences.push('“已超期”和“已超期、还没答复的留言”把只是受理晚了、还没到答复期限的留言也算作超期', '“本周答复”没有算上本周答复后又被群众要求重新办理的留言')
  return differences
}

/** 比上周 in words, as the page's figure and the download's cell say it: "多 3 条", "少 2 条", or "持平". */
export function weekOnWeekText(change: number): string {
  return change > 0 ? `多 ${change} 条` : change < 0 ? `少 ${-change} 条` : '持平'
}

/**
 * Every sentence the report says beside its figures, made here once for the console's page (presenters/analysis.ts)
 * and the table download (weekly-report-sheet.ts), so the two say the same. Nulls as the functions above give them.
 */
export function weeklyReportWords(r: WeeklyReport, timeZone: string) {
  return {
    weekOnWeekText: weekStillRunning(r) ? NOT_COMPARED_YET : weekOnWeekText(receivedChange(r).change),
    runningText: runningText(r, timeZone),
    overdueAsOfText: overdueAsOfText(r, timeZone),
    overdueCountText: overdueCountText(r),
    unassignedText: unassignedText(r),
    receivedText: receivedText(r),
    repliedText: repliedText(r),
    satisfactionText: satisfactionText(r),
    heatNote: WEEK_HEAT_NOTE,
    deputyOrderText: DEPUTY_ORDER_TEXT,
    countedEarlierText: countedEarlierText(r, timeZone),
    countedEarlierDifferences: countedEarlierDifferences(r),
  }
}
