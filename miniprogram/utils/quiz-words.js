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

module.exports = { attemptsWords, deadlineWords }
