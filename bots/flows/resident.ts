import { progressInFlow } from '../progress-questions.js'
import { quotedAnswerTicket } from '../quotes.js'
import { dissatisfaction, notSolved, ratingWord, scaleWord } from '../scores.js'
import { compact } from '../typed-text.js'
import { commentOrNewAnswer, wordsAfterScore } from './after-rating.js'
import { answeredAside, progressAnswered } from './aside.js'
import { privacyAnswer } from './consent-step.js'
import { heldWords, keptDraftChoice } from './kept-draft.js'
import { continueMessage, stillWriting } from './leave-message.js'
import { withdraw } from './withdraw-message.js'
import { RATING_SCALE, SCORE_FIRST } from './rating-scale.js'
import { commentQuestion } from './rating-comment.js'
import { rate, rateByNumber } from './rating.js'
import { reopenAnswer } from './reopen.js'
import { asksReopen, pickToReopen, reopenLater, reopenWithHeldWords } from './reopen-later.js'
import { residentElsewhere } from './resident-elsewhere.js'
import { menuFor, offerResidentNumbers, RESIDENT_MENU } from './resident-menu.js'
import { otherWords } from './resident-other-words.js'
import { numberAfterReply, numberForTodo, standingQuestion, yesOrLine } from './resident-question.js'
import { query } from './resident-query.js'
import { newMessage } from './start-new-message.js'
import { dropRepeat, earlierScored, sendAgainSaidTwice } from './sent-before.js'
import { askVerdict, verdictAnswer } from './verdict.js'
import { scoreWhilePicking } from './while-picking.js'
import { againAnswer } from './write-again.js'
import { guarded } from './deputy-guarded.js'
import { deputyWaiting } from './deputy-menu.js'
import { lineNumberMeant, yesMeant } from './deputy-numbers.js'
import { lines, type Conversation } from './turn.js'

/**
 * A resident in a private chat: the menu, leaving a message (leave-message.ts), asking
 * how their messages are doing, rating a reply and asking to reopen. It answers every
 * message it is given; anything it does not understand gets the menu (resident-other-words.ts).
 */

export const residentConversation: Conversation = async (asIs) => {
  const turn = numberAfterReply(asIs)
  const { command: cmd, state } = turn
  const flow = state.flow
  // A score just given alone: her next words may be for the deputy with it, for as long as the backend keeps the
  // rating open to them (a state saved before it said so has no `until`: closed); any other message ends that.
  const rated = state.rated && turn.now < state.rated.until ? state.rated : null
  state.rated = null
  // The repeat she said to send just went: only her next message may be that answer said twice.
  const sentAgain = state.sentAgain
  state.sentAgain = null

  // Words that mean the same whatever is going on.
  switch (cmd.kind) {
    case 'cancel':
      if (flow?.name === 'reopen' && flow.stage === 'again') {
        // His words matched an earlier message; "取消" leaves both: nothing reopened, nothing sent.
        state.flow = null
        turn.say('好的，已取消，您刚才说的话没有发出去。需要时请再发送"留言"。')
      } else if (flow?.name === 'reopen') {
        // Not reopening is all "取消" says here: a new message she was writing goes on.
        state.flow = flow.draft ?? null
        turn.say(lines('好的，不重新办理了。', flow.draft && stillWriting(flow.draft)))
      } else if (flow) {
        state.flow = null
        // Words she gave at the notice ("这段话已经记下了") are said to go nowhere with the "取消".
        const held = flow.name === 'privacy' && heldWords(flow) ? '您说的话没有发出去。' : ''
        turn.say(
          flow.name === 'privacy'
            ? `好的。${held}没有您的同意，我们暂时不能受理留言。需要时请再发送"留言"。`
            : '好的，已取消，内容没有送出。需要时请再发送"留言"。',
        )
      } else offerResidentNumbers(turn, lines('现在没有进行中的事情。', RESIDENT_MENU))
      return true
    case 'help':
      turn.say(lines(await menuFor(turn), flow?.name === 'message' && '\n您正在留言，接着回复即可；回复"取消"退出。'))
      return true
    // Asked whether to send the same words again, she asks for a new message: the repeat is dropped, and said so.
    case 'startMessage':
      dropRepeat(turn)
      await newMessage(turn, { kind: 'message' })
      return true
    case 'messageDeputy':
      dropRepeat(turn)
      await newMessage(turn, { kind: 'deputy', who: cmd.who, text: cmd.text })
      return true
    case 'query':
      // A deputy asking after "我的留言" means those waiting for him first; his own as a resident follow.
      await query(turn, cmd.ticket, cmd.ticket === null && turn.person.deputy ? await deputyWaiting(turn) : null)
      return true
    case 'rate':
      // Asked whether to send the same words again, the earlier one scored: that question no longer offers its score.
      if (cmd.value >= 1 && cmd.value <= 5) earlierScored(turn, cmd.ref)
      await rateByNumber(turn, cmd.ref, cmd.value)
      return true
  }

  if (sendAgainSaidTwice(turn, sentAgain)) return true
  // "喂喂", "你是谁", "在吗" while she writes, or while a question about her words waits: a short answer, and where
  // things stand; never words of her message.
  if (answeredAside(turn)) return true
  // "我的留言到哪了", "那个事办好了没有" while a new message is written, its place chosen, or the notice waits: how her
  // messages are doing, as 查询 (which says the new one is not sent yet), never words of the new one.
  const progress = flow && cmd.kind === 'text' && progressAnswered(flow) ? progressInFlow(cmd.text) : null
  if (progress !== null) {
    await query(turn, progress || null)
    return true
  }
  // "重新办理" while asked whether her words are a new message: the request is heard (her words go with it).
  if (flow?.name === 'comment' && asksReopen(turn)) return reopenWithHeldWords(turn, flow, state.rating !== null)

  // A deputy's bare "2" after his 待办 lines were shown, with her list or score question older than them (or a score
  // question just after them, or her flow's question before them: he is asked which): nothing done, never her message 2,
  // a score of 2, or her draft sent or changed (resident-question.ts).
  if (cmd.kind === 'number' && numberForTodo(turn)) {
    state.listed = null
    return guarded(turn, () => lineNumberMeant(turn, { kind: 'reply', ref: String(cmd.value), text: '' }, asIs.command.kind === 'number'))
  }
  // His "好的" after reading those lines, her draft's summary (or another yes-question of hers) asked before them: maybe
  // only him taking the list in. Nothing is sent or done; she is asked, each choice said.
  const yes = yesOrLine(turn)
  if (yes) return yesMeant(turn, yes)
  const standing = standingQuestion(state, turn.now)
  // A number right after a numbered list of her messages picks one of them; anything else ends the list.
  const listed = standing.list?.listed ?? null
  state.listed = null
  const picked = !flow && listed && cmd.kind === 'number' ? listed.tickets[cmd.value - 1] : undefined
  if (picked) {
    await (listed!.kind === 'query' ? query(turn, picked) : withdraw(turn, picked))
    return true
  }
  // A number past the list's end says how many there are (a score for an answer waiting is still read as one).
  if (!flow && listed && cmd.kind === 'number' && !(state.rating && cmd.value >= 1 && cmd.value <= 5)) {
    const n = listed.tickets.length
    state.listed = listed
    turn.say(n === 1 ? '只有 1 条留言，请回复 1。' : `只有 ${n} 条${listed.kind === 'withdraw' ? '可以撤回的' : ''}留言，请回复 1 到 ${n} 之间的数字。`)
    return true
  }

  const rating = standing.score?.rating ?? null
  // "满意" answers the rating question as well as "4": the question itself names the scores so.
  const score = cmd.kind === 'number' ? cmd.value : cmd.kind === 'text' ? ratingWord(cmd.text) : null
  const unhappy = cmd.kind === 'text' ? dissatisfaction(cmd.text) : cmd.kind === 'reopen' && /不满意/.test(turn.raw) ? { score: 2, reason: '' } : null

  // A score (or 不满意…) under a quoted answer notice is for that message, whichever came last and
  // whatever she was doing: a new message she was writing goes on after it.
  const quoted = quotedAnswerTicket(turn.quoted)
  // Under the answer it quotes, "灯还是不亮" can only be her verdict on it.
  const complaint = cmd.kind === 'text' && notSolved(cmd.text) ? { score: 2, reason: turn.raw } : null
  if (quoted && (!flow || flow.name === 'message') && (score !== null || unhappy || complaint)) {
    if (unhappy || complaint || (score! >= 1 && score! <= 5)) earlierScored(turn, quoted)
    if (unhappy || complaint) await rate(turn, quoted, (unhappy ?? complaint)!.score, (unhappy ?? complaint)!.reason)
    else if (score! >= 1 && score! <= 5) await rate(turn, quoted, score!)
    else turn.say(RATING_SCALE)
    return true
  }
  // A bare "5", or a word of the scale alone ("满意！", "不满意"), while she writes a new message answers the
  // rating question that came meanwhile, not the message; so does "不满意，…" with its reason, and
  // "重新办理" (the word the question offers) asks for the score first, as below.
  if (rating && flow?.name === 'message' && (flow.stage === 'text' || flow.stage === 'confirm')) {
    const bare =
      cmd.kind === 'number' && flow.stage === 'text' && cmd.value >= 1 && cmd.value <= 5 ? cmd.value : cmd.kind === 'text' ? scaleWord(cmd.text) : null
    if (unhappy || bare !== null) {
      earlierScored(turn, rating.ticket)
      await rate(turn, rating.ticket, unhappy?.score ?? bare!, unhappy?.reason)
      return true
    }
    if (cmd.kind === 'reopen') {
      turn.say(lines(SCORE_FIRST, stillWriting(flow)))
      return true
    }
  }

  // The same while she chooses the place of a new message; a number of the list stays a choice.
  if (rating && flow?.name === 'message' && (await scoreWhilePicking(turn, flow, rating.ticket, unhappy))) return true

  // "重新办理" a day after saying "不用了" to the offer, or any time later: the backend says which may be.
  if (await reopenLater(turn, rating !== null, rated?.commented ? null : rated)) return true

  // "5" or "5分" again right after scoring (or another score): she hears it is given, not the menu; her words
  // may still follow it to the deputy. ("1" and "2" keep their menu meaning.)
  // A score in words ("满意") stays her comment, as it always was: only a number is taken for the score again.
  const typedScore = cmd.kind === 'number' || (cmd.kind === 'text' && /^[\d一二两三四五]/.test(compact(cmd.text))) ? score : null
  const again = rated && !flow && !rating && !quoted && typedScore !== null && typedScore >= 3 && typedScore <= 5 ? rated : null
  if (again) {
    if (again.score === typedScore) turn.say(`您已经打过分了（${typedScore} 分），不用再打。谢谢您！`)
    else await rate(turn, again.ticket, typedScore!)
    turn.state.rated = again
    return true
  }

  // "问卷", "学习", "我想填那个立法的征求意见" right after a score, or while she is asked about her words after it: where
  // that is done, as with nothing going on; never words for the deputy. A comment may still follow the score.
  const whereAfterScore = cmd.kind === 'text' && ((rated && !flow && !quoted) || flow?.name === 'comment') ? residentElsewhere(cmd.text) : null
  if (whereAfterScore) {
    if (flow?.name === 'comment') turn.say(lines(whereAfterScore, '', commentQuestion(flow, flow.words.includes('\n'))))
    else {
      state.rated = rated
      turn.say(whereAfterScore)
    }
    return true
  }
  // "3", then "路灯还是没修好": her words after a score alone may be for the deputy with it, or a new problem (after-rating.ts).
  if (rated && !flow && !quoted && (await wordsAfterScore(turn, rated))) return true
  if (flow?.name === 'comment') return commentOrNewAnswer(turn, flow)

  if (flow?.name === 'privacy') return privacyAnswer(turn, flow)
  if (flow?.name === 'reopen') {
    if (flow.stage === 'verdict') return verdictAnswer(turn, flow)
    if (flow.stage === 'again') return againAnswer(turn, flow)
    return flow.stage === 'pick' ? pickToReopen(turn, flow) : reopenAnswer(turn, flow)
  }
  if (flow?.name === 'message') {
    if (flow.instead ? await keptDraftChoice(turn, flow, rating !== null) : await continueMessage(turn, flow)) return true
    if (cmd.kind === 'number' && cmd.value === 3) {
      state.flow = null
      turn.say('好的，已取消，内容没有送出。需要时请再发送"留言"。')
      return true
    }
  }

  if (rating && score !== null) {
    if (score >= 1 && score <= 5) await rate(turn, rating.ticket, score)
    else turn.say(RATING_SCALE) // "8" or "0" while a rating is awaited is a slip, not a wish for the menu
    return true
  }
  if (rating && (cmd.kind === 'reopen' || (cmd.kind === 'text' && unhappy))) {
    // Only a rated answer can be handled again (the backend refuses it unrated, and the reason typed
    // next was lost): "不满意…" is the scale's 2, which offers 重新办理 with what she said after it kept;
    // "重新办理" asks for the score first.
    if (unhappy) await rate(turn, rating.ticket, unhappy.score, unhappy.reason)
    else turn.say(SCORE_FIRST)
    return true
  }
  // "根本没修好，你们再看看" while an answer waits: most likely her verdict on it, but it may be a new
  // problem; she is asked which, never rated or sent on a guess.
  if (rating && !flow && complaint) {
    askVerdict(turn, rating.ticket, complaint.reason)
    return true
  }
  return otherWords(turn, flow, rating)
}
