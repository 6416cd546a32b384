const { ANSWERED_WORDS, RECEIVED_BEFORE_WORDS, RECEIVED_CHANGED_WORDS } = require('../../utils/survey-answer-words')

/**
 * What the survey page (answer.js) makes of the server's replies once she has sent, and of the published 采纳情况.
 */

/**
 * Refusals that say the page is out of date, not that her answer is wrong: over, not open yet, full, not hers (the
 * roll, a named audience). The page is read again and shows that state, never a red line beside live ticks and a button.
 */
const STALE_REFUSALS = ['survey_closed', 'survey_not_open', 'response_cap_reached', 'not_on_roll', 'not_a_deputy', 'not_in_audience']

/** Her answers and comments as one string, whatever order she ticked them in: two sends compared as she meant them. */
function sentSign(answers, comments) {
  const values = {}
  Object.keys(answers)
    .sort()
    .forEach((id) => {
      const v = answers[id]
      values[id] = Array.isArray(v) ? v.slice().sort() : v
    })
  const notes = comments.map((c) => c.articleId + '\n' + c.text).sort()
  return JSON.stringify([values, notes])
}

/**
 * Already answered (409 already_responded), in words: after a tap whose reply was lost (`lost`: what each such tap
 * sent), that one went in, and if she changed anything since, the first is the one kept; otherwise she answered before.
 */
function receivedWords(kind, lost, sign) {
  if (!lost.length) return ANSWERED_WORDS[kind]
  return lost.indexOf(sign) >= 0 ? RECEIVED_BEFORE_WORDS[kind] : RECEIVED_CHANGED_WORDS[kind]
}

/**
 * The published 采纳情况 as she reads it: only the articles that had opinions (a row of noughts per article hid the
 * ones that mattered), and how many had none, said once.
 */
function shownSummary(summary) {
  const withOpinions = summary.articles.filter((a) => a.opinions > 0)
  const none = summary.articles.length - withOpinions.length
  return Object.assign({}, summary, {
    articles: withOpinions,
    noneText: none && withOpinions.length ? '其余 ' + none + ' 条没有收到意见' : '',
  })
}

module.exports = { STALE_REFUSALS, sentSign, receivedWords, shownSummary }
