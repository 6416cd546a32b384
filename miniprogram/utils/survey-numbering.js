/**
 * A questionnaire's numbers as she reads them, and the required questions she left, named where she finds them: pure,
 * so the answer page (pages/survey/answer.js) and a plain unit test reach the same rules.
 */
const { isBlank } = require('./survey-conditions')

/** The required questions shown and not answered, in the page's order. */
function unanswered(shown, send) {
  return shown.filter((q) => q.required && isBlank(send[q.id]))
}

/**
 * What she is told when she submits with required questions unanswered; '' when none are. Each is named where she
 * finds it, by its number, or, for a follow-up (no number of its own), by the number of the question it is under:
 * 还有必答题没有回答：第 1 题下面的“每周去几次？”、第 3 题“对现有绿化的满意度”. Titles in “”, as the follow-up's lead
 * quotes an answer.
 */
function missingWords(shown, send, numbered) {
  const missing = unanswered(shown, send)
  return missing.length ? '还有必答题没有回答：' + missing.map((q) => whereIs(q, numbered) + '“' + q.title + '”').join('、') : ''
}

/** Where a question is on the page, in front of its title: "第 3 题", "第 1 题下面的", or nothing when neither is known. */
function whereIs(q, numbered) {
  if (numbered.numbers[q.id]) return '第 ' + numbered.numbers[q.id] + ' 题'
  const under = q.showIf && numbered.numbers[q.showIf.questionId]
  return under ? '第 ' + under + ' 题下面的' : ''
}

/**
 * Numbers that never change while she answers. The questions always asked are numbered 1, 2, 3… over the whole
 * questionnaire; a follow-up (shown only after a certain answer) takes no number of its own but says which answer
 * brought it ("您在第 1 题选了“是”，请接着回答："). Numbering only what is shown renumbered the later questions under
 * her eyes (3 became 4 when 是 brought a question); numbering every question left gaps (1, 3) while one is hidden;
 * a sub-number (1.1) reads as a decimal. This way what she has seen keeps its number and nothing is missing.
 */
function numbering(questions) {
  const byId = {}
  questions.forEach((q) => (byId[q.id] = q))
  const numbers = {}
  const leads = {}
  let next = 0
  questions.forEach((q) => {
    if (!q.showIf) {
      numbers[q.id] = ++next
      return
    }
    const cause = byId[q.showIf.questionId]
    if (!cause || cause === q) return
    const chosen = (cause.options || []).filter((o) => q.showIf.optionIds.indexOf(o.id) >= 0).map((o) => '“' + o.label + '”')
    const where = numbers[cause.id] ? '第 ' + numbers[cause.id] + ' 题' : '“' + cause.title + '”'
    leads[q.id] = '您在' + where + '选了' + chosen.join('或') + '，请接着回答：'
  })
  return { numbers: numbers, leads: leads }
}

module.exports = { numbering, missingWords, unanswered }
