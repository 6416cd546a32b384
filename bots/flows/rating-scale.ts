import type { CaseRules } from '../client.js'
import { lines } from './turn.js'

/** The rating scale in words, as every rating question, reminder and "请先打分" names it. */

/** The scores and their words, as every rating question and reminder names them. */
export const SCALE_LINE = '5 很满意　4 满意　3 一般　2 不满意　1 很不满意'

/** The scores that may ask for 重新办理, in words: "1 分或 2 分" (the backend's reopenMaxRating). */
export function reopenScores(max: number): string {
  if (max <= 1) return '1 分'
  if (max === 2) return '1 分或 2 分'
  return `1 到 ${Math.min(max, 5)} 分`
}

/**
 * The rating question's last line: which scores may ask for the message to be handled again, plainly;
 * in general words when the rules could not be read.
 */
export const reopenLine = (rules: CaseRules | null) =>
  rules ? `问题没有解决的，打 ${reopenScores(rules.reopenMaxRating)}，就可以申请重新办理。` : '问题没有解决的，打低分后可以申请重新办理。'

/** How to rate, said again when a score is not one of 1 to 5. */
export const RATING_SCALE = lines('打分请回复 1 到 5 中的一个数字：', SCALE_LINE)

/** "重新办理" before the answer is rated: only a rated answer can be handled again, so the score comes first. */
export const SCORE_FIRST = lines('请先给这次答复打分，分数低的可以申请重新办理。', RATING_SCALE)
