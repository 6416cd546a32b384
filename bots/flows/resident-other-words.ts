import { progressQuestion } from '../progress-questions.js'
import { isThanks } from '../short-answers.js'
import { asksForPerson, asksHowToUse, asksWhoThisIs } from '../to-the-bot.js'
import { offerShortWords } from './after-rating.js'
import { guarded } from './deputy-guarded.js'
import { deputyWaiting } from './deputy-menu.js'
import { noListShown } from './deputy-numbers.js'
import { startAtPlace, startMessageWithText } from './leave-message.js'
import { isLongText } from './message-draft.js'
import { othersWaiting } from './own-messages.js'
import { SCALE_LINE } from './rating-scale.js'
import { residentElsewhere } from './resident-elsewhere.js'
import { menuFor, NO_PERSON_HERE, offerResidentNumbers, RESIDENT_MENU, residentNumbersOffered, WHAT_THIS_IS } from './resident-menu.js'
import { query } from './resident-query.js'
import { newMessage } from './start-new-message.js'
import { whoIsDeputy } from './who-is.js'
import { sameMatterAgain } from './write-again.js'
import { lines, oneLine, type Turn } from './turn.js'
import type { DialogueState, Flow } from './dialogue-state.js'

/**
 * A resident's words that answer no question of hers under way (resident.ts has read those first): questions to the
 * bot, greetings and thanks, the menu's numbers, a problem told in her first words; anything else gets the menu.
 * `rating`: an answer still waiting for her score, asked for again where it fits.
 */
export async function otherWords(turn: Turn, flow: Flow | null, rating: DialogueState['rating']): Promise<true> {
  const cmd = turn.command
  if (!flow && cmd.kind === 'text' && asksForPerson(cmd.text)) {
    turn.say(NO_PERSON_HERE)
    return true
  }
  // "王芳是谁" after a notice naming 王芳代表: who the deputy is (who-is.ts), not the menu.
  if (!flow && cmd.kind === 'text' && (await whoIsDeputy(turn, cmd.text))) return true
  if (!flow && cmd.kind === 'text' && (asksHowToUse(cmd.text) || asksWhoThisIs(cmd.text))) {
    offerResidentNumbers(turn, lines(WHAT_THIS_IS, '', RESIDENT_MENU))
    return true
  }
  // "投票", "问卷", "学习": where that is done (the mini-program, or by deputies), not the menu.
  const where = !flow && cmd.kind === 'text' ? residentElsewhere(cmd.text) : null
  if (where) {
    turn.say(where)
    return true
  }
  // "谢谢", a thumbs-up, "好的" with nothing going on are answered kindly, not with the whole menu;
  // an answer still unrated is asked for once more.
  const thanks = cmd.kind === 'text' && isThanks(cmd.text)
  if (!flow && (cmd.kind === 'pleasantry' || cmd.kind === 'confirm' || cmd.kind === 'done' || thanks)) {
    // "不客气" only answers thanks: a smile or "嗯" at first contact is greeted.
    const kind = cmd.kind === 'confirm' || cmd.kind === 'done' ? '好的！' : thanks || /谢|感|辛苦|麻烦/.test(turn.raw) ? '不客气！' : '您好！'
    if (rating) turn.say(lines(`${kind}方便的话，请给这次答复打个分：`, SCALE_LINE))
    // A deputy hears his own two ways in, never the residents' numbers: his next "1" would open their privacy notice.
    else if (turn.person.deputy) turn.say(`${kind}要看待办留言，请发送"待办"；要以群众身份给代表留言，请发送"留言"。`)
    else offerResidentNumbers(turn, `${kind}有事随时发消息给我们：留言请回复 1，查询请回复 2。`)
    return true
  }
  // "我那个路灯的事怎么样了": how her messages are doing.
  const asked = !flow && cmd.kind === 'text' ? progressQuestion(cmd.text) : null
  if (asked !== null) {
    await query(turn, asked || null)
    return true
  }
  // "光明社区" alone, with nothing going on: where a message is to go, said first; the message starts there.
  if (!flow && cmd.kind === 'text' && !turn.person.deputy && !isLongText(cmd.text) && (await startAtPlace(turn))) return true
  // A problem described in her first words is the message she wants to leave: kept, not answered with the menu.
  // (A deputy's words that are no command are not taken for a resident's message.) The same matter as one of hers
  // that may be handled again ("下水道又堵了") is asked about first.
  if (!flow && cmd.kind === 'text' && !turn.person.deputy && isLongText(cmd.text)) {
    if (!(await sameMatterAgain(turn, turn.raw))) await startMessageWithText(turn)
    return true
  }

  if (!flow && cmd.kind === 'code') {
    await newMessage(turn, { kind: 'code', code: cmd.code, ...(cmd.text ? { text: cmd.text } : {}) })
    return true
  }
  // A message's number alone ("0001", or the whole number) asks after it.
  const bareTicket = !flow && cmd.kind === 'text' ? /^(\d{8}-\d{4,}|\d{4})$/.exec(cmd.text.replace(/\s/g, '')) : null
  if (bareTicket) {
    await query(turn, bareTicket[1])
    return true
  }
  if (!flow && cmd.kind === 'number' && cmd.value === 1) {
    // A deputy's "1" with no list or menu shown lately is a line read long ago more likely than 留言: nothing starts.
    if (turn.person.deputy && !residentNumbersOffered(turn)) return guarded(turn, () => noListShown(turn))
    await newMessage(turn, { kind: 'message' })
    return true
  }
  // A deputy's "2" with no list of his shown lately: those waiting for him first, as his "我的留言" says, never a bare
  // "您还没有留言" (his own as a resident follow).
  if (!flow && cmd.kind === 'number' && cmd.value === 2) {
    await query(turn, null, turn.person.deputy ? await deputyWaiting(turn) : null)
    return true
  }
  // A "5" days after the answer (past the rating window) is still meant as a score: say how to give it.
  if (!flow && cmd.kind === 'number' && cmd.value >= 4 && cmd.value <= 5) {
    const { waiting, refOf } = await othersWaiting(turn, null)
    if (waiting.length) {
      turn.say(
        lines(
          waiting.length === 1 ? '这条留言的答复还等着您打分：' : '这几条留言的答复还等着您打分：',
          ...waiting.slice(0, 3).map((c) => `· ${refOf(c.ticket)} ${oneLine(c.excerpt)}`),
          `打分请发送"评价"、编号和分数，如：评价 ${refOf(waiting[0].ticket)} ${cmd.value}`,
        ),
      )
      return true
    }
  }
  // Words not understood while an answer waits for her score: the question again, not the whole menu.
  if (rating && !flow && cmd.kind === 'text') {
    turn.say(lines('没看懂您的意思。要给答复打分，请回复 1 到 5 中的一个数字：', SCALE_LINE, '要办别的事，请回复"帮助"看菜单。'))
    return true
  }
  // "灯又不亮了", short, with nothing going on: offered as a new message, never lost under the menu (after-rating.ts).
  if (!flow && (await offerShortWords(turn))) return true
  turn.say(await menuFor(turn))
  return true
}
