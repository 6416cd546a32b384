/**
 * 办理群众留言 in a deputy's record, in one sentence whose numbers add up: the console's 履职档案 and printed 述职报告, his
 * own 年度述职报告 in the mini-program, and the report residents read before rating him (述职评议) all say it from here.
 *
 * An answer the resident sent back for 重新办理 still counts as given (its rating is in 群众满意度), and is said as such,
 * once: among 已答复, apart from 按时 and 超过答复期限, "另 1 条群众要求重新办理、正在重办"; never again among those not yet
 * answered. "已答复 19 件（按时 18 件），办理中 6 件" of 24 counted it in both and said it in neither (review 38 § 3).
 * 已答复 (按时 + 超过答复期限 + 群众要求重新办理) + 还没答复 = 共.
 */
import type { DeputyYearRecord } from './deputy-record.js'

type CaseFigures = Pick<
  DeputyYearRecord['cases'],
  'handled' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'sentBack' | 'sentBackOverdue' | 'open' | 'overdueOpen' | 'averageSatisfaction'
>

/** Another district's messages among his (a deputy of stations in two districts): "其中澜东区 3 条". */
export interface ElsewhereCount {
  name: string
  handled: number
}

/** How the answers standing were timed: "按时 18 条，超过答复期限 2 条"; empty when none stands. */
function timing(c: CaseFigures): string {
  const parts = [c.answeredOnTime ? `按时 ${c.answeredOnTime} 条` : '', c.answeredLate ? `超过答复期限 ${c.answeredLate} 条` : ''].filter(Boolean)
  if (!c.sentBack && !c.answeredLate) return '都按时答复'
  if (!c.sentBack && !c.answeredOnTime) return '都超过了答复期限'
  return parts.join('，')
}

/** Those sent back, being handled again, and whether their new round is late. */
function sentBackWords(c: CaseFigures, alone: boolean): string {
  const late = !c.sentBackOverdue ? '' : c.sentBackOverdue === c.sentBack ? '，已超期' : `，其中 ${c.sentBackOverdue} 条已超期`
  return alone ? `群众要求重新办理，正在重办${late}` : `另 ${c.sentBack} 条群众要求重新办理、正在重办${late}`
}

/** 已答复 N 条 and how: "已答复 19 条（按时 18 条，另 1 条群众要求重新办理、正在重办）". */
function answeredPart(c: CaseFigures): string {
  if (!c.answered) return '已答复 0 条'
  const standing = timing(c)
  const inner = c.sentBack ? [standing, sentBackWords(c, !standing)].filter(Boolean).join('，') : standing
  return `已答复 ${c.answered} 条（${inner}）`
}

/** Not answered yet (the sent-back ones are among 已答复), with those overdue. */
function waitingPart(c: CaseFigures): string {
  const waiting = c.open - c.sentBack
  const late = c.overdueOpen - c.sentBackOverdue
  return waiting ? `还没答复 ${waiting} 条${late ? `（其中超期 ${late} 条）` : ''}` : '没有还没答复的留言'
}

const elsewherePart = (elsewhere: readonly ElsewhereCount[]) =>
  elsewhere.length ? `（其中${elsewhere.map((e) => `${e.name} ${e.handled} 条`).join('，')}）` : ''

/**
 * The office's and the deputy's line: "共 24 条：已答复 19 条（按时 18 条，另 1 条群众要求重新办理、正在重办）；还没答复
 * 5 条；群众满意度 4.2 分". `elsewhere`: the messages of other districts among 共 (none for a deputy of one district).
 */
export function recordCasesText(c: CaseFigures, elsewhere: readonly ElsewhereCount[] = []): string {
  const satisfaction = c.averageSatisfaction === null ? '暂无' : `${c.averageSatisfaction} 分`
  return `共 ${c.handled} 条${elsewherePart(elsewhere)}：${answeredPart(c)}；${waitingPart(c)}；群众满意度 ${satisfaction}`
}

/**
 * The line residents read before rating him: the same figures in their words, nought parts and 超期 (the office's
 * measure) left out, satisfaction out of 5. Null when he had no message: the line is left out.
 */
export function recordCasesTextForResidents(c: CaseFigures): string | null {
  if (!c.handled) return null
  const waiting = c.open - c.sentBack
  const parts = [
    `共 ${c.handled} 条`,
    `已答复 ${c.answered} 条${c.sentBack ? `（其中 ${c.sentBack} 条群众要求重新办理，正在重办）` : ''}`,
    waiting ? `还没答复 ${waiting} 条` : '',
  ].filter(Boolean)
  const satisfaction = c.averageSatisfaction === null ? '' : `，群众满意度 ${c.averageSatisfaction} 分（满分 5 分）`
  return `${parts.join('，')}${satisfaction}`
}
