import type { Readable } from 'node:stream'
import type { DeputyChoice, InboxRow } from '../../services/cases/case-inbox.js'
import { csvSheetStream, sheetTime } from '../../services/csv-sheet.js'
import { maskForCaseWork } from '../../domain/pii-mask.js'
import { deputyExcerpt } from '../../domain/deputy-gist.js'
import type { ShortNumberSearch } from '../../domain/case-search.js'
import { dayText, localDate, monthDayText } from '../../domain/dates.js'
import { handBackText } from '../../domain/case-hand-backs.js'
import { deputyLoadText, recentHandBackText } from '../../domain/deputy-choice-words.js'
import { unhappyText } from '../../domain/case-unhappy.js'
import { carrierHandlingLines, carrierHandlingText, presentStaffCaseSummary } from './cases.js'
import { STATUS_LABELS } from '../../domain/case.js'
import { MERGE_INTO_ANSWERED_CHOICE } from '../../domain/case-refusals.js'
import { lastOpenMoment } from '../../domain/due-date-text.js'
import type { MergeChoice, MergeReason } from '../../services/cases/merge-choices.js'

/** A line of the console's inbox: the staff summary plus names, the deadline in words and the messages alike in words. */
export const presentInboxRow = (row: InboxRow) => ({
  ...presentStaffCaseSummary(row.case),
  stationName: row.stationName,
  // A merged message's deputy is the one of the message it joined (CaseRecord.mergedInto): "朱丽华", null when
  // she may not read that message; `handledAlong` says under it which ("随 20261207-0001 办理").
  deputyName: row.handledAlong ? carrierHandlingLines(row.handledAlong).holder : row.deputyName,
  handledAlong: row.handledAlong ? { ticket: row.handledAlong.ticket, text: carrierHandlingLines(row.handledAlong).along } : null,
  /** "代表请假至12月5日" beside the deputy while he is away and the message waits on him: the clerk may 改派. */
  deputyAway: row.deputyAway,
  officeName: row.officeName,
  /** Computed here, in the business time zone, so every screen says the same: "已超期 2 天", "今天到期". */
  sla: row.sla,
  /**
   * Under the badge, which deadlines and when, next due first: [{ label: '受理', when: '12月7日 10:00', note: null },
   * { label: '答复', when: '12月25日', note: '分派时要求' }]. The one the badge counts has no 明天 or 已过 of its own
   * (明天到期 says it); [] once answered or ended.
   */
  dueDates: row.dueDates,
  /** The latest 要求答复日期 分派 may ask of it (YYYY-MM-DD); null once answered or ended: 批量分派's date picker goes no further. */
  replyByLatest: row.replyByLatest,
  similarCount: row.similarCount,
  /** 「群众不满意 2分」, 「群众不满意 2分，重新办理」: a low score said in words on the line, null otherwise. */
  unhappyText: unhappyText(row.case),
  // Only the messages alike in words are counted here (the 合并 dialog's 内容相近): the ones 热点问题
  // groups with it would cost each line a read of its place's month. So the line says what it counted,
  // and the case page's 相似留言 (the dialog's choices) may list more.
  similarLabel: row.similarCount ? `内容相近 ${row.similarCount} 条` : null,
})

/** 「共 35 条」, or 「1000 条以上」 past the count's bound; null on the pages after the first (the first's is kept). */
export const presentListTotal = (total: number | null, bound: number) =>
  total === null ? null : { count: Math.min(total, bound), more: total > bound, text: total > bound ? `${bound} 条以上` : `共 ${total} 条` }

/**
 * What the list says above a short number's results (or in place of them): that only its
 * recent days were looked at, and how to find an older message.
 */
export const presentNumberSearch = (s: ShortNumberSearch) => {
  const dayBefore = new Date(Date.parse(`${s.since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  return {
    number: s.number,
    days: s.days,
    since: s.since,
    until: s.until,
    text:
      `按编号 ${s.number} 查找：只查找了最近 ${s.days} 天（${dayText(s.since)}以来）的留言编号。` +
      `更早的留言，请输入完整编号，例如 ${dayBefore.replaceAll('-', '')}-${s.number}。`,
  }
}

/**
 * A deputy in the assign dialog; one who handed this message back says so, in words, beside his name, and
 * so does one no reminder reaches (`unreachable`: his own gap, 没有开通小程序和微信助手，提醒发不到).
 */
export const presentDeputyChoice = (d: DeputyChoice, timeZone: string, now: Date, unreachable: string | null = null) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  levelLabel: d.levelLabel,
  stationNames: d.stationNames,
  topics: d.topics,
  openCases: d.openCases,
  /** Of them, past their reply deadline now (工作概览's 超期). */
  overdueCases: d.overdueCases,
  /** Of them, not acknowledged in time, the reply not yet due (the inbox's 未按时受理): never among overdueCases. */
  ackLateCases: d.ackLateCases,
  /** "在办 3 条，已超期 1 条，未按时受理 1 条": his load in words, beside his name. */
  loadText: deputyLoadText(d.openCases, d.overdueCases, d.ackLateCases),
  /** A message he handed back himself in the last few days, with his reason ("12月6日交回了留言 …，说：…"); null when none. */
  recentHandBack: d.recentHandBack && {
    ticket: d.recentHandBack.ticket,
    at: d.recentHandBack.at.toISOString(),
    text: recentHandBackText(d.recentHandBack, timeZone, now),
  },
  topical: d.topical,
  recommended: d.recommended,
  /** On reception duty today at the message's station: the dialog says 今天值班 and lists them first. */
  onDuty: d.onDuty,
  handedBack: handedBack(d, timeZone, now),
  /** His own gap in reach (没有绑定微信助手，提醒发不到); what to do is said once above the list (reachNote). */
  unreachable,
  /** "暂停接收留言至12月4日" while he is marked away today: the list puts him last and says so beside his name. */
  away: d.away,
})

/**
 * What a deputy who gave up the message(s) did, in words, each message's hand-back said in turn
 * ("刚把留言 20261204-0002 交回：…；12月3日曾把留言 … 交回：…"); `at` and `note` are those of the latest.
 */
function handedBack(d: DeputyChoice, timeZone: string, now: Date) {
  if (!d.handBacks.length) return null
  const latest = d.handBacks.reduce((a, b) => (b.handBack.at > a.handBack.at ? b : a))
  return {
    at: latest.handBack.at.toISOString(),
    note: latest.handBack.note,
    tickets: d.handBacks.flatMap((h) => (h.ticket ? [h.ticket] : [])),
    text: d.handBacks.map((h) => handBackText(h.handBack, timeZone, now, h.ticket)).join('；'),
  }
}

const MERGE_REASON_WORDS: Record<MergeReason, string> = {
  hot_issue: '热点问题里与本条是同一个问题',
  // Grouped with it, but one of the two names no thing (电梯, 路灯): the words say no more than what is known.
  hot_issue_unsure: '热点问题里归为一类，不一定是同一个问题',
  similar: '内容相近',
  found: '按编号或内容找到',
}

/**
 * A message the 合并 dialog offers, with why it is offered ("热点问题里与本条是同一个问题，内容相近") and where it
 * stands ("已答复 · 11月26日答复 · 朱丽华代表"); an answered one is shown to be seen, not chosen (`mergeable`, and
 * `refusal` in words: the merge itself refuses it, merge_target_answered).
 */
export const presentMergeChoice = (m: MergeChoice, timeZone: string, now: Date) => ({
  id: m.case.id,
  ticket: m.case.ticket,
  // A line of a list (合并's choices, 相似留言): numbers she wrote masked, as on the inbox's lines.
  excerpt: deputyExcerpt(m.case.text, 60),
  createdAt: m.case.createdAt.toISOString(),
  status: m.case.status,
  statusLabel: STATUS_LABELS[m.case.status],
  reasons: m.reasons,
  why: m.reasons.map((r) => MERGE_REASON_WORDS[r]).join('，'),
  state: mergeChoiceState(m, timeZone, now),
  mergeable: !m.answered,
  refusal: m.answered ? MERGE_INTO_ANSWERED_CHOICE : null,
})

/** "已答复 · 11月26日答复 · 朱丽华代表", "待分派 · 12月5日收到 · 未分派代表": its state, the day that matters, who has it. */
function mergeChoiceState(m: MergeChoice, timeZone: string, now: Date): string {
  const c = m.case
  const [day, what] = m.answered && c.repliedAt ? [c.repliedAt, '答复'] : [c.createdAt, '收到']
  const date = localDate(day, timeZone)
  const written = date.slice(0, 4) === localDate(now, timeZone).slice(0, 4) ? monthDayText(date) : dayText(date)
  return [STATUS_LABELS[c.status], `${written}${what}`, m.deputyName ? `${m.deputyName}代表` : '未分派代表'].join(' · ')
}

/** Who handles the message, as the sheet names him: for a merged one, the deputy of the one it joined. */
const handlingDeputy = (r: InboxRow) => (r.handledAlong ? carrierHandlingText(r.handledAlong) : r.deputyName)

/** A message merged into another (合并办理), in the list's words and the sheet's. */
export const MERGED_WORDS = '已合并办理'

/**
 * The export's columns. 期限提示 ("还有 2 天") is true only on the day it was written: its header says when
 * (the sheet is printed and read days later). 受理期限 and 答复期限 are the dates and times themselves, each under its
 * own name (one column of "办理期限" held the acknowledgement's and read as the reply's), with the year, as a
 * spreadsheet sorts and filters them ("2026-12-25 23:59": the whole of the 25th counts; "24:00" is no time Excel
 * reads, and "12-26 00:00" would be read as the whole of the 26th).
 */
const exportHeader = (exportedAt: Date, timeZone: string) => [
  '留言编号',
  '提交时间',
  '状态',
  `期限提示（导出时 ${sheetTime(exportedAt, timeZone)}）`,
  '受理期限',
  '答复期限',
  '主题',
  '地点',
  '联络站或人大办',
  '代表',
  '承办部门',
  '答复时间',
  '答复内容',
  '满意度（1–5）',
  '留言内容',
]

/** A deadline as the sheet writes it: the last minute that still counts. */
const sheetDue = (due: Date, timeZone: string) => sheetTime(lastOpenMoment(due, timeZone), timeZone)

/** 受理期限 while the message waits to be acknowledged (its badge's clock); blank once acknowledged, answered or ended. */
function sheetAckDeadline(r: InboxRow, timeZone: string): string {
  const c = r.case
  return r.sla && !c.acknowledgedAt && !c.repliedAt ? sheetDue(c.ackDueAt, timeZone) : ''
}

/**
 * 答复期限 of every message someone was to answer, also once answered (beside 答复时间, whether it was in time); blank
 * for one withdrawn, refused or merged into another, which nobody answers on its own.
 */
function sheetReplyDeadline(r: InboxRow, timeZone: string): string {
  const c = r.case
  return c.mergedInto || c.status === 'withdrawn' || c.status === 'rejected' ? '' : sheetDue(c.replyDueAt, timeZone)
}

/**
 * One case as a line of the export (no phone numbers, no resident ids). The text and the answer are masked as
 * hot issues mask it: a sheet is mailed and printed, and residents type their phone and ID
 * numbers into the message itself. A building and entrance ("光明社区3号楼2单元") stay unless a room is
 * written with them: see maskForCaseWork.
 */
const sheetLine = (r: InboxRow, timeZone: string) => [
  r.case.ticket,
  sheetTime(r.case.createdAt, timeZone),
  // As the list says it: merged into another message it is 已办结 on the server, yet nobody answered it.
  r.case.mergedInto ? MERGED_WORDS : presentStaffCaseSummary(r.case).statusLabel,
  r.sla?.text ?? '',
  sheetAckDeadline(r, timeZone),
  sheetReplyDeadline(r, timeZone),
  r.case.topic,
  // Where the resident lives, for a meeting on 热点 by place; the answer as given, masked as the message is.
  r.placeName ?? '',
  r.stationName ?? r.officeName ?? '',
  handlingDeputy(r) ?? '',
  r.case.forwardedTo?.department ?? '',
  r.case.repliedAt ? sheetTime(r.case.repliedAt, timeZone) : '',
  r.case.reply ? maskForCaseWork(r.case.reply) : '',
  r.case.rating ?? '',
  maskForCaseWork(r.case.text),
]

/** "导出当前列表": the filtered cases as a spreadsheet, streamed as they are read (a province's million cases without holding them). */
export function inboxSheetStream(rows: AsyncIterable<InboxRow>, timeZone: string, exportedAt: Date): Promise<Readable> {
  return csvSheetStream(
    exportHeader(exportedAt, timeZone),
    (async function* () {
      for await (const r of rows) yield sheetLine(r, timeZone)
    })(),
  )
}
