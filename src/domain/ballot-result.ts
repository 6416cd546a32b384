/**
 * A closed ballot's result as the deputies who could vote read it: how many were on the roll and
 * voted, what it took to pass, how many of the planned projects passed, and each candidate's votes
 * with what became of it. Counts only: a ballot is secret, nobody's choice is in it. Pure.
 */
import { plainTitle } from './ballot-offer.js'
import type { ProjectStatus } from './livelihood.js'
import type { PassRule } from './survey.js'
import type { BallotOutcome } from './survey-tally.js'

export type ResultState = 'chosen' | 'over_places' | 'tied' | 'not_passed'

const STATE_WORDS: Record<ResultState, string> = {
  chosen: '当选',
  over_places: '得票过半，名额已满',
  tied: '票数相同，待主任会议决定',
  not_passed: '未通过',
}

const BASE_WORDS: Record<PassRule, string> = { roll_majority: '应投票代表', ballots_majority: '实际投票人数' }

export interface BallotResult {
  roll: number
  cast: number
  minVotes: number
  /** The projects the ballot is to choose (the year's places); null when every one that passes is chosen. */
  planned: number | null
  passed: number
  chosen: number
  projects: Array<{ id: string; label: string; votes: number; state: ResultState; stateText: string }>
  /** "应投票代表 6 人，实际投票 2 人；得票超过实际投票人数的一半（至少 2 票）才能通过。" */
  turnoutText: string
  /** "计划选出 2 个项目，票决通过 1 个：「马庄社区老旧小区加装电梯」。" */
  passedText: string
}

/**
 * The result of a closed ballot from its count. `settled`: what the office confirmed of each candidate (a
 * 民生实事 year moved on from its ballot, a tie across the last place decided by the 主任会议), which
 * stands over the count's own reading; null while nothing was confirmed.
 */
export function ballotResult(
  outcome: BallotOutcome,
  rules: { passRule: PassRule; maxChosen: number | null },
  settled: ReadonlyMap<string, ProjectStatus> | null,
): BallotResult {
  const projects = outcome.projects.map((p) => {
    const state = stateOf(p, settled?.get(p.id))
    return { id: p.id, label: p.label, votes: p.count, state, stateText: STATE_WORDS[state] }
  })
  const chosen = projects.filter((p) => p.state === 'chosen')
  const passed = projects.filter((p) => p.state !== 'not_passed').length
  const tied = projects.filter((p) => p.state === 'tied').length
  const names = chosen.map((p) => `「${plainTitle(p.label)}」`).join('')
  const planned = rules.maxChosen
  const plan = planned === null ? '' : `计划选出 ${planned} 个项目，`
  let passedText: string
  if (!passed) passedText = `${plan}没有项目获得通过。`
  else if (planned === null || passed <= planned) passedText = `${plan}票决通过 ${passed} 个${names ? `：${names}` : ''}。`
  else passedText = `${plan}${passed} 个得票过半，按得票多少选出 ${chosen.length} 个${names ? `：${names}` : ''}。`
  if (tied) passedText += `另有 ${tied} 个票数相同，需主任会议决定。`
  return {
    roll: outcome.roll,
    cast: outcome.ballotsCast,
    minVotes: outcome.minVotes,
    planned,
    passed,
    chosen: chosen.length,
    projects,
    turnoutText: `应投票代表 ${outcome.roll} 人，实际投票 ${outcome.ballotsCast} 人；得票超过${BASE_WORDS[rules.passRule]}的一半（至少 ${outcome.minVotes} 票）才能通过。`,
    passedText,
  }
}

function stateOf(p: BallotOutcome['projects'][number], confirmed: ProjectStatus | undefined): ResultState {
  if (confirmed === 'chosen') return 'chosen'
  if (confirmed === 'over_places') return 'over_places'
  if (confirmed === 'not_chosen') return 'not_passed'
  if (p.chosen) return 'chosen'
  if (p.tied) return 'tied'
  return p.passes ? 'over_places' : 'not_passed'
}

/**
 * The one message each deputy who voted gets when the office confirms the result: what was chosen, of
 * how many planned, and the turnout. "票决结果：《…》已确认。计划选出 2 个项目，票决通过 1 个：「…」。应投票代表 6 人，实际投票 2 人。"
 */
export function ballotResultNotice(title: string, r: BallotResult): string {
  return `票决结果：《${title}》已确认。${r.passedText}应投票代表 ${r.roll} 人，实际投票 ${r.cast} 人。`
}

/**
 * The one message each deputy who voted gets when a ballot of its own (not a 民生实事 year's, whose result
 * the office confirms) closes: "票决结果：《…》已结束。票决通过 1 个：「…」。应投票代表 6 人，实际投票 4 人。"
 */
export function ballotClosedNotice(title: string, r: BallotResult): string {
  return `票决结果：《${title}》已结束。${r.passedText}应投票代表 ${r.roll} 人，实际投票 ${r.cast} 人。`
}

/** The same on a subscribe card's one short line (20 characters): "计划2个，通过1个，2人投票". */
export function ballotResultCardLine(r: BallotResult): string {
  return `${r.planned === null ? '' : `计划${r.planned}个，`}通过${r.passed}个，${r.cast}人投票`
}
