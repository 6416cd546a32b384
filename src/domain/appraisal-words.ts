import type { SurveyRecord } from './survey.js'

/**
 * A 述职评议 as the residents it asks read it: what they are asked, in their words. The survey keeps the office's
 * own title, invitation and questions (述职评议, 履职情况), which the console and the results go on saying.
 * `yearWord`: 今年 while the year rated is the current one, else "2026年" (one rated early in the next year).
 * Not being named is said only of a survey that keeps no one's name (anonymous). `communities`: the names of those
 * whose residents it asks, said in the sentence that says whom it asks.
 */
export function appraisalForResidents<S extends Pick<SurveyRecord, 'title' | 'description' | 'questions' | 'anonymous'>>(
  survey: S,
  deputyName: string,
  yearWord: string,
  communities: string[] = [],
): S {
  const once = survey.anonymous ? '每人只能打一次，不会记下您是谁。' : '每人只能打一次。'
  return {
    ...survey,
    title: `给${deputyName}代表${yearWord}的工作打分`,
    // Whom it asks, not a claim about whoever opened the poster ("您住在…" told a passer-by she lived there, then asked where).
    description: `请住在${deputyName}代表联系的社区${communityList(communities)}的居民打分。请先看看这位代表${yearWord}做了哪些事，再打分。${once}`,
    questions: survey.questions.map((q) => (q.id === 'overall' ? { ...q, title: `您对${deputyName}代表这一年的工作满意吗？` } : q)),
  }
}

/** At most this many communities named; more are counted (a district-wide deputy's dozens would fill the screen). */
const COMMUNITIES_NAMED = 5

/** "（建设路社区、光明社区）"; "（建设路社区、…等 12 个社区）" past COMMUNITIES_NAMED; '' when none is known. */
function communityList(names: string[]): string {
  if (!names.length) return ''
  if (names.length <= COMMUNITIES_NAMED) return `（${names.join('、')}）`
  return `（${names.slice(0, COMMUNITIES_NAMED).join('、')}等 ${names.length} 个社区）`
}

/** 今年 for the year now running, else the year in figures ("2026年"). */
export const appraisalYearWord = (year: number, thisYear: number) => (year === thisYear ? '今年' : `${year}年`)
