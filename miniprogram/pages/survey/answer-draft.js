const { keptOnPhone } = require('../../utils/quiz-choices')

/**
 * What she chose and wrote on a questionnaire, a consultation or a ballot and has not sent, kept on the phone as a
 * quiz paper's choices are (utils/quiz-choices.js): left half-way (a phone call, WeChat closed), it comes back as she
 * left it. Each answer is kept with the question it answers, as it read then: an office may still change the
 * questions while nobody has answered (survey-correction.ts), and an answer is never put back on a question that
 * changed under it. Sent, it is forgotten.
 */
const drafts = keptOnPhone('survey.draft', 10)

// Over while she was away: said, so she does not think it went.
const CLOSED_DRAFT_WORDS = {
  survey: '这份问卷已经结束了，您上次没填完的答案没有送出。',
  consultation: '这次征求意见已经结束了，您上次没写完的意见没有送出。',
  ballot: '这次票决已经结束了，您上次没投的票没有投出。',
}
// Changed while she was away: what is still hers and what she must do again.
const CHANGED_DRAFT_WORDS = {
  survey: '这份问卷在您上次填写后改过了，请从头再看一遍：没改的题，您填的答案都还在；改过的题，要重新填。',
  consultation: '这次征求意见在您上次填写后改过了，请从头再看一遍：没改的条文和题，您写的都还在；改过的，要重新写。',
  ballot: '这次票决的候选项目在您上次选择后改过了，请从头再看一遍，重新选择。',
}

const sign = (x) => JSON.stringify(x)
const byId = (list, id) => list.filter((x) => x.id === id)[0]
/** The whole of what she is asked: one changed question or article says the questionnaire changed. */
const wholeSign = (s) => sign({ questions: s.questions, articles: s.articles })

/** Keeps her answers ({ questionId: value }) and comments ({ articleId: text }), each with what it answers. */
function keepDraft(s, answers, comments) {
  const kept = { whole: wholeSign(s), answers: {}, comments: {} }
  Object.keys(answers).forEach((id) => {
    const q = byId(s.questions, id)
    if (q) kept.answers[id] = { value: answers[id], sign: sign(q) }
  })
  Object.keys(comments).forEach((id) => {
    const a = byId(s.articles, id)
    if (a && comments[id]) kept.comments[id] = { text: comments[id], sign: sign(a) }
  })
  if (!Object.keys(kept.answers).length && !Object.keys(kept.comments).length) return drafts.forget(s.id)
  return drafts.keep(s.id, kept)
}

/**
 * What of her draft goes back on the page as it is now: { answers, comments, note }. Sent meanwhile (another phone),
 * not hers, or over, it is forgotten; over, she is told it did not go. Changed, only what answers an unchanged
 * question or article goes back, and she is told to look again.
 */
function restoreDraft(s) {
  const none = { answers: {}, comments: {}, note: '' }
  const kept = drafts.kept(s.id)
  if (!kept) return none
  if (s.responded || s.askedOthers) {
    drafts.forget(s.id)
    return none
  }
  if (s.phase === 'closed') {
    drafts.forget(s.id)
    return Object.assign(none, { note: CLOSED_DRAFT_WORDS[s.kind] || CLOSED_DRAFT_WORDS.survey })
  }
  if (s.phase !== 'open') return none
  const answers = {}
  const comments = {}
  Object.keys(kept.answers).forEach((id) => {
    const q = byId(s.questions, id)
    if (q && sign(q) === kept.answers[id].sign) answers[id] = kept.answers[id].value
  })
  Object.keys(kept.comments).forEach((id) => {
    const a = byId(s.articles, id)
    if (a && sign(a) === kept.comments[id].sign) comments[id] = kept.comments[id].text
  })
  const changed = kept.whole !== wholeSign(s)
  return { answers: answers, comments: comments, note: changed ? CHANGED_DRAFT_WORDS[s.kind] || CHANGED_DRAFT_WORDS.survey : '' }
}

/** Sent (or found sent): nothing of it is kept any more. */
function forgetDraft(surveyId) {
  drafts.forget(surveyId)
}

module.exports = { keepDraft, restoreDraft, forgetDraft }
