const when = require('./when')

/**
 * Her tries at a quiz in words: "还可答 2 次" while some are left; once none is, what she did, "已答过" (a quiz of
 * one try, taken) or "已答过 3 次", never "还可答 0 次", which reads as if she had missed it.
 */
function attemptsWords(q) {
  if (q.attemptsLeft > 0) return '还可答 ' + q.attemptsLeft + ' 次'
  return q.attemptsUsed > 1 ? '已答过 ' + q.attemptsUsed + ' 次' : '已答过'
}

/** Until when, in the server's words: an ended quiz says when it ended (closedText), never "请在…前答题" as if still open. */
function deadlineWords(q) {
  return q.phase === 'closed' ? q.closedText : '请在' + q.closesText + '答题'
}

/**
 * Above the notice put before her at 交卷 (she withdrew her consent while the paper was open; a notice that only changed
 * does not hold a paper back): the paper and its countdown leave the screen, so these words say when the paper's time
 * ends, as the pages say a time ("上午10:45", when.js spokenClock; kept whole on its line by the component), that her
 * answers are still there and go in once she agrees, and that 不同意，返回 leaves the paper not handed in, as the server
 * left it. Past its end (the 5 s grace is far shorter than reading a notice) the big 我已阅读并同意 still stands, so the
 * words say what it does then, as the server does it (QuizTaking.submit): the paper is closed as late, uncounted, and
 * her answers are not kept; the page then says "时间到了，这次没有计分". Short: small screens, large text in 关怀模式.
 */
function handInConsentWords(endsAt, now) {
  const at = when.spokenClock(new Date(endsAt).toISOString())
  if (endsAt <= now) {
    return (
      '答题时间已在' +
      at +
      '结束。您撤回了同意，这份答卷没有交上，现在也不能计分了。点“我已阅读并同意”，这份答卷记为超时，不计分；点“不同意，返回”，这份答卷不交。'
    )
  }
  return '这份答卷还没有交上，因为您撤回了同意。您选的答案还在。请在' + at + '前点“我已阅读并同意”，就会交卷；点“不同意，返回”，这份答卷不交，不计分。'
}

module.exports = { attemptsWords, deadlineWords, handInConsentWords }
