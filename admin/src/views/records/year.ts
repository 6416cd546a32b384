import { businessYear } from '../../business-zone'
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/** The year a record page shows: from ?year=, else this year; changing it updates the address. */
export function useYear() {
  const route = useRoute()
  const router = useRouter()
  const thisYear = businessYear()
  const year = ref(Number(route.query.year) || thisYear)
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年度` }))
  watch(year, (y) => void router.replace({ query: { ...route.query, year: String(y) } }))
  return { year, years }
}

export interface PointLine {
  item: string
  label: string
  count: number
  points: number
  cap: number | null
  subtotal: number
  explanation: string
}

/** The year as GET /records/:deputyId returns it. */
export interface DeputyYear {
  deputy: { id: string; code: string; name: string; level: string; stationIds: string[] }
  year: number
  meetings: { held: number; attended: number; excused: number; absent: number }
  cases: {
    handled: number
    answered: number
    answeredOnTime: number
    answeredLate: number
    /** Answered, then sent back by the resident for 重新办理 (among `open`, not among those answered on time or late). */
    sentBack: number
    open: number
    /** Of those open, waiting past a deadline (超期). */
    overdueOpen: number
    /** 按时答复 as 统计分析 counts it: an overdue message not yet answered counts as not in time. */
    repliedInTimeShare: number | null
    rated: number
    averageSatisfaction: number | null
  }
  /** 办理群众留言 in one sentence whose numbers add up, as the server says it (domain/deputy-record-words.ts). */
  casesText: string
  /** What 按时答复 counts, in 统计分析's words. */
  repliedInTimeNote: string
  duty: { scheduled: number; served: number }
  study: { checkIns: number; quizzesTaken: number; averageScorePercent: number | null }
  ballots: { onRoll: number; cast: number }
  suggestions: { made: number; coSigned: number } | null
  activities: { approved: number; byKind: Record<string, number> }
  points: { total: number; office: string; lines: PointLine[] }
}

/** The record's figures as rows of words, shared by the detail page and the printed report. */
export function recordRows(r: DeputyYear): Array<{ label: string; value: string; hint?: string }> {
  const or = (n: number | null, unit = '') => (n === null ? '暂无' : `${n}${unit}`)
  return [
    {
      label: '参加会议活动',
      value: `应参加 ${r.meetings.held} 次，出席 ${r.meetings.attended} 次，请假 ${r.meetings.excused} 次，缺席 ${r.meetings.absent} 次`,
    },
    // The server's sentence: 已答复 and 正在办理 add up to 共, a message sent back for 重新办理 said once (review 38 § 3).
    { label: '办理群众留言', value: r.casesText },
    // The share as 统计分析 shows it for him, by the same rule and in the same words: over the answered alone it
    // read 100% beside his overdue messages, and differed from the office's own figures.
    {
      label: '按时答复',
      value: r.cases.repliedInTimeShare === null ? '暂无（还没有到期或答复的留言）' : `${Math.round(r.cases.repliedInTimeShare * 100)}%`,
      hint: r.repliedInTimeNote,
    },
    {
      label: '进站接待值班',
      value: `排班 ${r.duty.scheduled} 天，已值班 ${r.duty.served} 天`,
      // How the server counts a day served (domain/deputy-record.ts): a roster day of the year, today or
      // before, on which the deputy reported a 进站接待 that staff approved. A day rostered is not a day
      // served, and the staff asked why the two differ.
      hint: '怎么算：排了班的那天，代表在小程序里报了当天的“进站接待”，工作人员审核通过，才算值班 1 天。排班天数里也有还没到的日子。',
    },
    {
      label: '学习与知识竞赛',
      value: `学习打卡 ${r.study.checkIns} 次，参加知识竞赛 ${r.study.quizzesTaken} 场，平均得分率 ${or(r.study.averageScorePercent, '%')}`,
    },
    { label: '代表票决', value: `应投票 ${r.ballots.onRoll} 次，已投票 ${r.ballots.cast} 次` },
    { label: '代表建议', value: r.suggestions ? `提出 ${r.suggestions.made} 件，附议 ${r.suggestions.coSigned} 件` : '暂无' },
    {
      label: '报告履职活动',
      value: `已审核通过 ${r.activities.approved} 次（调研 ${r.activities.byKind.research ?? 0}、视察 ${r.activities.byKind.inspection ?? 0}、进站接待 ${r.activities.byKind.reception ?? 0}、其他 ${r.activities.byKind.other ?? 0}）`,
    },
  ]
}
