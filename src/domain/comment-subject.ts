import { compileKeywordScorer, normalizeText, WEAK_MARK, type KeywordScores } from './topics.js'

/**
 * Whether words a resident sends right after scoring an answer ("垃圾还是没人收") are about the message she
 * scored ("楼下的路灯坏了"): the chat adds them to the rating only then, and otherwise asks her which she means.
 */

export interface CommentSubject {
  /** The words name nothing, or something the message or its answer names too. */
  about: boolean
  /** What the message is about, in a word she recognises ("路灯"), or its first words. */
  subject: string
}

/** The message she rated, as far as this rule reads it. */
export interface RatedMessage {
  text: string
  reply: string | null
  topic: string
}

const SUBJECT_EXCERPT = 12

/**
 * The rule for one keyword dictionary (config business.topicKeywords). Only the strong keywords count: the weak
 * ones ("~楼下", "~老人") name where or who, not what is wrong. Sharing a topic word is the test, not sharing the
 * topic: "电梯还是坏的" after an answer about a 路灯 is another thing of the same topic (城乡建设). Words naming no
 * subject at all ("还是没修好", "态度很好") judge the answer and are about it.
 */
export function commentSubjectRule(keywords: Readonly<Record<string, readonly string[]>>, topics: readonly string[]) {
  const strong = Object.fromEntries(Object.entries(keywords).map(([topic, list]) => [topic, list.filter((w) => !w.startsWith(WEAK_MARK))]))
  const score = compileKeywordScorer(strong, topics)
  const found = (s: KeywordScores) => s.matched.flat()

  return (comment: string, rated: RatedMessage): CommentSubject => {
    const caseScores = score(rated.text)
    const said = found(score(comment))
    const own = [...found(caseScores), ...found(score(rated.reply ?? ''))]
    const theirs = normalizeText(`${rated.text}\n${rated.reply ?? ''}`)
    const hers = normalizeText(comment)
    // Either way round: "垃圾" in a message about "垃圾清运", "垃圾站" after one about "垃圾".
    const about = said.length === 0 || said.some((w) => theirs.includes(normalizeText(w))) || own.some((w) => hers.includes(normalizeText(w)))
    return { about, subject: subjectOf(rated, caseScores, topics) }
  }
}

/** The message's own topic word, first as she wrote it, else its first words. */
function subjectOf(rated: RatedMessage, s: KeywordScores, topics: readonly string[]): string {
  const ofTopic = s.matched[topics.indexOf(rated.topic)]?.[0]
  if (ofTopic) return ofTopic
  let first = -1
  for (let k = 0; k < topics.length; k++) if (s.matched[k].length && (first < 0 || s.firstAt[k] < s.firstAt[first])) first = k
  if (first >= 0) return s.matched[first][0]
  const chars = [...rated.text.replace(/\s+/g, ' ').trim()]
  return chars.length > SUBJECT_EXCERPT ? `${chars.slice(0, SUBJECT_EXCERPT).join('')}…` : chars.join('')
}
