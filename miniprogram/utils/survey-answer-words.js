const { timeApart } = require('./time-apart')

/**
 * The survey page's words (pages/survey/answer), by kind: a questionnaire is filled in (填写, 送出问卷), a consultation
 * takes opinions (提意见), a ballot takes votes (投票).
 */
const SUBMIT_WORDS = { survey: '送出问卷', consultation: '送出意见', ballot: '投票' }
// The bar at the top names what it is (the .json's 问卷 shows only while it loads).
const TITLES = { survey: '问卷', consultation: '征求意见', ballot: '代表票决' }
// The deadline as the digest words it: "请在12月19日前（含当日）填写"; a consultation takes opinions (提意见), as her list says.
const DEADLINE_VERBS = { survey: '填写', consultation: '提意见', ballot: '投票' }
// Before it opens and once it has ended, in the words of what it is (the server's survey-words.ts,
// closedToAnswers): a consultation takes opinions and a ballot takes votes; only a 问卷 is filled in.
const NOT_YET_WORDS = { survey: '起可以填写', consultation: '起可以提意见', ballot: '起可以投票' }
const CLOSED_WORDS = { survey: '问卷已经结束，不能再填写', consultation: '征求意见已经结束，不再接受意见', ballot: '票决已经结束，不能再投票' }
const DONE_WORDS = {
  survey: '已送出，谢谢您的参与',
  consultation: '意见已送出，谢谢您参与立法。意见是否采纳，会在这一页“我提的意见”里告诉您',
  ballot: '投票成功，谢谢',
}
// Her answer went in on an earlier tap whose reply was lost (a dropped connection), and she changed her choices
// before tapping again: the first stands, and she is told it counted, not refused in red.
const RECEIVED_BEFORE_WORDS = {
  survey: '刚才那次已经送出了（当时网络不通，没能告诉您）。每人限一次，谢谢您的参与',
  consultation: '刚才提的意见已经收到了（当时网络不通，没能告诉您）。每人限提一次，谢谢您参与立法',
  ballot: '刚才那次投票已经投上了（当时网络不通，没能告诉您）。每位代表投一次，投后不能更改，谢谢',
}
// As RECEIVED_BEFORE_WORDS, when what she sent the second time differs from the lost tap's: the first is the one kept,
// said outright, so she never thinks her new ticks went in.
const RECEIVED_CHANGED_WORDS = {
  survey: '刚才那次已经送出了（当时网络不通，没能告诉您）。收下的是刚才那次的答案，后来改的没有送出。每人限一次，谢谢您的参与',
  consultation: '刚才提的意见已经收到了（当时网络不通，没能告诉您）。收下的是刚才那次写的，后来改的没有送出。每人限提一次，谢谢您参与立法',
  ballot: '刚才那次投票已经投上了（当时网络不通，没能告诉您）。算数的是刚才那次选的项目，后来改的没有投上。每位代表投一次，投后不能更改，谢谢',
}
// Opened again after answering: a deputy who voted is told he voted, in a ballot's words.
const ANSWERED_WORDS = {
  survey: '您已经送出过了，每人限一次。谢谢！',
  consultation: '您的意见已经送出了，每人限提一次。谢谢您参与立法！',
  ballot: '您已经投过票了，每位代表投一次，投后不能更改。谢谢！',
}
// An anonymous consultation keeps no writer (consultation-outcome.ts mine()): what she wrote cannot be shown her, and why.
const ANSWERED_ANONYMOUS_CONSULTATION = '您的意见已经送出了。这次征求意见是匿名的，没有记下是谁提的，所以这里看不到您写的内容。每人限提一次，谢谢您参与立法！'
// A tap refused because the page was out of date (over, not yet open, full, not hers): said above the page's own state.
const NOT_TAKEN_WORDS = {
  survey: '您刚才填的答案没有送出。',
  consultation: '您刚才写的意见没有送出。',
  ballot: '您刚才这一票没有投上。',
}

/** Said once she has answered: in a ballot's words; a named consultation shows what she sent under it (我提的意见). */
function answeredWords(s) {
  if (s.kind === 'ballot' && s.phase === 'closed') return '您投过票了，谢谢！'
  if (s.kind === 'consultation' && s.anonymous) return ANSWERED_ANONYMOUS_CONSULTATION
  return ANSWERED_WORDS[s.kind] || ANSWERED_WORDS.survey
}
// A named survey keeps who answered: her account here, never a name, which nobody asked her for (the console's
// own words: 匿名时不记录是谁填写的). She is told what is kept, and who sees it, once: on the meta line (KEPT_WORDS), never
// "实名", which reads as giving her name. A note under it said 不用写名字，也不会公开您是谁 in other words, two
// phrasings of one thing on one screen; what is left for a note is why a consultation keeps it. Ballots are always secret.
const NAMED_WORDS = {
  consultation: '意见是否采纳，以后会告诉您。',
}
// Above the privacy notice a named one puts first (the server's consentNeeded): why she is asked here, and what follows.
const CONSENT_WORDS = {
  survey: '请看下面的说明，同意后就可以填写。',
  consultation: '会记下意见是您提的，好告诉您是否采纳。请看下面的说明，同意后就可以提意见。',
}
// The notice put before her at 送出 (she withdrew, or it changed, while the page was open): her questions leave the
// screen, so she is told first that what she wrote is kept and goes once she agrees.
const CONSENT_AT_SUBMIT_WORDS = {
  survey: '您填的答案还在。送出前，请先看一下个人信息保护说明，同意后就会送出。',
  consultation: '您写的意见还在。送出前，请先看一下个人信息保护说明，同意后就会送出。',
}

// While it runs, what is going on in the words of what it is, not the office's 进行中.
const OPEN_WORDS = { survey: '正在填写', consultation: '正在征求意见', ballot: '正在投票' }
// One that asks only invited deputies says who is answering: a bare 正在填写 above 您不用填 read as her being asked.
const OPEN_TO_OTHERS_WORDS = { survey: '代表们正在填写', consultation: '正在向代表征求意见', ballot: '代表们正在投票' }
// What a named one keeps of her answer, and who may see it: never published (采纳情况 names nobody), but not hidden from
// the office either: an invited deputy's name is on its 未回复 list until he answers (ballot-roll.ts), and the privacy
// notice says these 只给负责的工作人员看. So not "不公开" alone, which would promise more. "记下是谁填的" read as a warning.
const KEPT_WORDS = { survey: '会记下是您填的，只有人大工作人员能看到', consultation: '会记下是您提的，只有人大工作人员能看到' }
// An anonymous one says so in the same words: 匿名 alone left her to guess whether it knew who she was.
const UNKEPT_WORDS = { survey: '匿名，不会记下是谁填的', consultation: '匿名，不会记下是谁提的' }

/**
 * The lines under the title: its phase, when it ends or ended, and whether it keeps who answered, each cut so that a
 * date or a time stays whole (time-apart.js). While it is open or yet to open, its phase on a line and until when on
 * the next ("正在填写 · 会记下是您填的，不公开" / "请在…前填写"): on one line the deadline broke wherever the phase left
 * it room. Once over, 已于…结束 says it alone (已结束 beside it said 结束 twice); a ballot is 不记名, as 述职评议 says it.
 * One that does not ask her (askedOthers) says neither a deadline nor what it keeps of an answer she will not give.
 */
function metaLines(s) {
  const secrecy = s.kind === 'ballot' ? '不记名' : s.anonymous ? UNKEPT_WORDS[s.kind] || '匿名' : KEPT_WORDS[s.kind]
  if (s.phase === 'closed') return [timeApart([s.closedText || s.phaseLabel, secrecy].filter(Boolean).join(' · '))]
  const open = s.askedOthers ? OPEN_TO_OTHERS_WORDS : OPEN_WORDS
  const phase = (s.phase === 'open' && open[s.kind]) || s.phaseLabel
  if (s.askedOthers) return [timeApart(phase)]
  return [timeApart([phase, secrecy].filter(Boolean).join(' · ')), timeApart('请在' + s.closesText + DEADLINE_VERBS[s.kind])]
}

module.exports = {
  SUBMIT_WORDS,
  TITLES,
  DEADLINE_VERBS,
  NOT_YET_WORDS,
  CLOSED_WORDS,
  DONE_WORDS,
  RECEIVED_BEFORE_WORDS,
  RECEIVED_CHANGED_WORDS,
  ANSWERED_WORDS,
  NOT_TAKEN_WORDS,
  answeredWords,
  NAMED_WORDS,
  CONSENT_WORDS,
  CONSENT_AT_SUBMIT_WORDS,
  metaLines,
}
