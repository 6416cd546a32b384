import { createHash } from 'node:crypto'
import { ApiError, type CaseDraft, type DeputyMatch } from '../client.js'
import { aboutThePlace, refusal } from './refusal.js'
import { asksIfSent } from '../to-the-bot.js'
import { namesChosenPlace, showPlaces, typedWhileChoosing } from './choose-place.js'
import { addPart, CANCEL_HINT, choicesShown, chooseTarget, isLongText, newFlow, placeTarget, showConfirm, TEXT_PROMPT } from './message-draft.js'
import { placeOnly, placeTree } from './places.js'
import { askPlace, samePlaceAnswer, samePlaceQuestion } from './same-place.js'
import { answerSendAgain, askIfSendAgain, sendAgainPending } from './sent-before.js'
import { answerByLine, lines, type Turn } from './turn.js'
import type { MessageFlow, NewMessage, PrivacyFlow, Target } from './dialogue-state.js'
import { FULL_NOTICE_HINT } from './privacy-requests.js'

/**
 * A resident leaves a message: where they live (numbered districts → streets →
 * communities, or a station/deputy code from a poster), then the text in as many chat
 * messages as they like until "好了" (or a quiet join window), then confirm. The draft
 * lives in the dialogue state, so a bot restart or a backend outage loses nothing.
 */

/** Shows the privacy notice when the resident has not agreed yet; true when it did. */
export async function askConsentFirst(turn: Turn, next: PrivacyFlow['next']): Promise<boolean> {
  if (turn.person.consented) return false
  await showPrivacy(turn, next)
  return true
}

/**
 * The short notice, her rights first, in one bubble; the whole of it is one "全文" away (privacy-requests.ts), and
 * the notice still waits for her yes after it.
 */
async function showPrivacy(turn: Turn, next: PrivacyFlow['next']) {
  const notice = await turn.client.privacy()
  turn.state.flow = { name: 'privacy', version: notice.version, next }
  // She agreed to an earlier notice (or to this one's predecessor while she wrote: the submission was refused).
  if (turn.person.consentedEarlier || turn.person.consented) turn.say(noticeChanged(notice.whatChanged, next))
  turn.say(lines(notice.title, notice.summary ?? notice.text, '', FULL_NOTICE_HINT, '同意请回复"同意"，不同意请回复"取消"。'))
}

/**
 * Said before the notice to one who agreed to the one before: that it changed and how, so it does not read as the
 * same notice asked twice; and that what she wrote waits for her yes, when she wrote something.
 */
function noticeChanged(whatChanged: string | undefined, next: PrivacyFlow['next']) {
  const waiting = next.kind === 'resume' ? next.flow.parts.length > 0 : next.kind !== 'message' && !!next.text
  return lines(
    whatChanged ? `个人信息保护说明有更新：${whatChanged}` : '个人信息保护说明有更新。',
    waiting ? '请再看一下下面的说明。您写的留言还留着，同意后就接着送出。' : '请再看一下下面的说明，同意后就可以接着留言。',
  )
}

/** After "同意": back to the draft that was waiting for it: the place questions (from a place she named meanwhile), or its confirm step. */
export async function resumeDraft(turn: Turn, flow: MessageFlow) {
  if (!flow.target) return askPlace(turn, flow)
  showConfirm(turn, flow)
}

/**
 * Her first words describe a problem, with nothing going on ("我们楼下路灯坏了找谁反映啊"): they are
 * kept as the message's first part, and the place questions follow (the privacy notice first, if
 * she has not agreed yet). Said in words, so she knows what is happening.
 */
export async function startMessageWithText(turn: Turn) {
  const flow = newFlow()
  if (!addPart(turn, flow)) return
  turn.state.flow = flow
  turn.say('您是想给人大代表留言吧？这段话已经记下了，选好发给谁，就可以送出。不想留言请回复"取消"。')
  if (await askConsentFirst(turn, { kind: 'resume', flow })) return
  await askPlace(turn, flow)
}

/** Her words, said elsewhere first (under an answer, "这是另一件事"), as a new message's first part. */
export async function startMessageWithWords(turn: Turn, words: string) {
  const flow = newFlow()
  flow.parts.push(words)
  turn.state.flow = flow
  turn.say('好的，这段话记下了，作为一条新留言，选好发给谁，就可以送出。')
  if (await askConsentFirst(turn, { kind: 'resume', flow })) return
  await askPlace(turn, flow)
}

/**
 * "光明社区", "湛河区轻工街道光明社区" with nothing going on: the place a message goes to, said before anything else.
 * The message starts there (after the privacy notice the first time); false when the words are no place alone.
 */
export async function startAtPlace(turn: Turn): Promise<boolean> {
  const path = placeOnly(await placeTree(turn.client, turn.now), turn.raw)
  if (!path) return false
  const flow = newFlow()
  flow.path = path
  turn.state.flow = flow
  turn.say(`好的，您要给${path.at(-1)!.name}的人大代表留言。`)
  if (await askConsentFirst(turn, { kind: 'resume', flow })) return true
  await askPlace(turn, flow)
  return true
}

/** Starts what she asked for, once she has agreed to the privacy notice. */
export async function startNew(turn: Turn, next: NewMessage) {
  if (next.kind === 'message') await startMessage(turn)
  else if (next.kind === 'deputy') await startMessageToDeputy(turn, next.who, next.text)
  else await startMessageWithCode(turn, next.code, next.text)
}

/** "留言": the first question, where they live (or whether it goes where her last message went). */
export async function startMessage(turn: Turn) {
  const flow = newFlow()
  await askPlace(turn, flow)
}

/**
 * "我要给张伟代表留言" or a DP code: look the deputy up; one match goes straight to the text. `flow`: a
 * draft with her words that has no place yet, which goes on to the deputy.
 */
export async function startMessageToDeputy(turn: Turn, who: string, text: string, flow = newFlow()) {
  if (text) flow.parts.push(text)
  const found = await turn.client.deputies(who)
  if (found.length === 0) {
    if (flow.parts.length === 0) {
      turn.state.flow = null
      turn.say(`没有找到"${who}"代表。请核对名字或编号，也可以发送"留言"按住址选择。`)
      return
    }
    // Her words are not dropped for a name that is not found: she chooses where they go instead.
    turn.say(`没有找到"${who}"代表，请核对名字或编号。您说的话已经记下了，也可以按住址选择发给谁。`)
    flow.path = []
    return showPlaces(turn, flow, null)
  }
  if (found.length === 1) return chooseTarget(turn, flow, deputyTarget(found[0]))
  flow.stage = 'deputy'
  flow.options = found.map((d) => ({ id: d.code, name: deputyLabel(d), kind: 'deputy' }))
  turn.state.flow = flow
  turn.say(lines(choicesShown(flow), CANCEL_HINT))
}

/** A station code from a poster ("ST001"), or a deputy code ("DP0001"). */
export async function startMessageWithCode(turn: Turn, code: string, text = '') {
  if (code.startsWith('DP')) return startMessageToDeputy(turn, code, text)
  const flow = newFlow()
  if (text) flow.parts.push(text)
  return chooseStation(turn, flow, code)
}

/** A typed station code is looked up first: a typo is said at once, never sent on as a message to nowhere. */
async function chooseStation(turn: Turn, flow: MessageFlow, code: string) {
  const station = await turn.client.station(code)
  if (station) return chooseTarget(turn, flow, { kind: 'station', code: station.code, label: station.name })
  turn.say(lines(`没有找到编号为 ${code} 的联络站，请核对海报上的编号再发一次。`, '也可以发送"留言"，按住址选择。'))
  // A draft asked about its last place keeps waiting for the answer; a new one from a code alone ends.
  if (flow.stage !== 'samePlace' && (flow.stage !== 'place' || flow.options.length === 0)) turn.state.flow = null
}

/** The resident answers within the flow. Returns false when the input is not for this flow. */
export async function continueMessage(turn: Turn, flow: MessageFlow): Promise<boolean> {
  const cmd = turn.command
  switch (flow.stage) {
    case 'place':
    case 'deputy':
    case 'samePlace': {
      if (cmd.kind === 'code') {
        await (cmd.code.startsWith('DP') ? startMessageToDeputy(turn, cmd.code, flow.parts.join('\n')) : chooseStation(turn, flow, cmd.code))
        return true
      }
      if (flow.stage === 'samePlace') return samePlaceAnswer(turn, flow)
      if (cmd.kind !== 'number') return typedWhileChoosing(turn, flow)
      if (cmd.value === 0 && flow.stage === 'place' && flow.path.length > 0) {
        await chooseTarget(turn, flow, placeTarget(flow.path))
        return true
      }
      const picked = flow.options[cmd.value - 1]
      if (!picked) {
        turn.say(`没有第 ${cmd.value} 项，请回复 1 到 ${flow.options.length} 之间的数字。`)
        return true
      }
      if (flow.stage === 'deputy') await chooseTarget(turn, flow, { kind: 'deputy', code: picked.id, label: picked.name })
      else await showPlaces(turn, flow, picked)
      return true
    }
    case 'text': {
      // "好的"/"确定" here can only mean "that is all"; anything else is more of the text.
      if (cmd.kind === 'done' || (cmd.kind === 'confirm' && flow.parts.length > 0)) {
        if (flow.parts.length === 0) turn.say('还没有收到您的内容，请先说说您的问题或建议。')
        else showConfirm(turn, flow)
        return true
      }
      // "发了吗": not yet, and how it goes out; the question stays out of the text.
      if (cmd.kind === 'text' && asksIfSent(cmd.text)) {
        turn.say(flow.parts.length ? '还没有送出。说完了请回复"好了"，我把整条留言给您看一遍，您确认后就发给代表。' : TEXT_PROMPT)
        return true
      }
      // A bare number answers no question here: filed in the text it would only puzzle the deputy.
      if (cmd.kind === 'number') {
        turn.say(flow.parts.length ? '您的留言还在写，接着说就行；说完了请回复"好了"。' : TEXT_PROMPT)
        return true
      }
      // A thank-you or an emoji between the lines is kind, not part of the problem: it stays out of the text.
      if (cmd.kind === 'pleasantry') {
        turn.say(flow.parts.length ? '不客气！还有要补充的请接着发，说完了回复"好了"。' : '请直接说说您的问题或建议，说完了回复"好了"。')
        return true
      }
      // The place the message goes to, typed again ("光明社区"): it is chosen already, and is no words of the message.
      if (cmd.kind === 'text' && (await namesChosenPlace(turn, flow))) {
        turn.say(lines(`留言发给：${flow.target!.label}。`, flow.parts.length ? '还有要补充的请接着发，说完了回复"好了"。' : TEXT_PROMPT))
        return true
      }
      addPart(turn, flow)
      return true
    }
    case 'confirm': {
      if (flow.sentBefore !== undefined) {
        await answerSendAgain(turn, flow, { send: submit, startWithCode: startMessageWithCode })
        return true
      }
      if (flow.parked) {
        // Back after the idle timeout: her first words hear that it was not sent, unless they answer the summary.
        flow.parked = undefined
        turn.state.flow = flow
        const answers = cmd.kind === 'confirm' || cmd.kind === 'done' || (cmd.kind === 'number' && cmd.value >= 1 && cmd.value <= 3)
        if (!answers) {
          const more = cmd.kind === 'text' && isLongText(cmd.text) && addPart(turn, flow)
          showConfirm(turn, flow, lines(NOT_SENT, more && '您刚才说的这段话也加进去了。'))
          return true
        }
      }
      // "好了" or "好的" under the summary answer it: it is sent (once she was left believing it was).
      if (cmd.kind === 'confirm' || cmd.kind === 'done' || (cmd.kind === 'number' && cmd.value === 1)) {
        await submit(turn, flow)
        return true
      }
      if (cmd.kind === 'number' && cmd.value === 2) {
        flow.parts = []
        flow.stage = 'text'
        turn.state.flow = flow
        turn.say(`好的，请重新说您的问题或建议。说完了请回复"好了"。`)
        return true
      }
      if (cmd.kind === 'number' && cmd.value === 3) return false // the caller cancels
      if (cmd.kind === 'pleasantry') {
        turn.say(lines('留言还没有送出。请回复数字：', '1. 确认送出', '2. 重新填写', '3. 取消'))
        return true
      }
      if (cmd.kind !== 'text') return false
      // A detail remembered late is added, and the summary shown again.
      if (addPart(turn, flow)) showConfirm(turn, flow, '已补充。')
      return true
    }
  }
}

const NOT_SENT = '您上次写的留言还没有送出，代表还看不到。'

/** A line for a resident who did something else while writing a new message: where that message stands. */
export function stillWriting(flow: MessageFlow): string {
  if (flow.stage === 'samePlace' && flow.lastPlace?.length) return lines('您的新留言还没有写完。', samePlaceQuestion(flow.lastPlace))
  if (flow.stage === 'text') return '您的新留言还在写，接着说就行；说完了回复"好了"。'
  if (flow.stage === 'confirm' && flow.sentBefore !== undefined) return sendAgainPending(flow.sentBefore, flow.sentBeforeAnswered)
  if (flow.stage === 'confirm') return '您的新留言还没有送出：确认送出请回复 1，不要了请回复"取消"。'
  // The list is shown again: what she did meanwhile pushed it up out of sight.
  if (flow.options.length) return lines('您的新留言还没有写完，请接着选：', choicesShown(flow))
  return '您的新留言还没有写完，请回复列表前面的数字接着选。'
}

export async function submit(turn: Turn, flow: MessageFlow) {
  const target = flow.target!
  const draft: CaseDraft = { text: flow.parts.join('\n') }
  if (target.kind === 'region') draft.regionId = target.id
  if (target.kind === 'deputy') draft.deputyCode = target.code
  if (target.kind === 'station') draft.stationCode = target.code
  if (flow.sendAgain) draft.sendAgain = true
  // Same draft, same body → same key, so a retry after a lost answer returns the first case.
  const key = `bot-${flow.draftId}-${createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 16)}`
  try {
    const done = await turn.client.submitCase(turn.person.personId, draft, key)
    turn.state.flow = null
    // Her "1" to 再送一条 said twice is told it went (sent-before.ts, sendAgainSaidTwice), never a new message.
    if (flow.sendAgain) turn.state.sentAgain = { ticket: done.ticket, at: turn.now }
    turn.say(lines('留言已送出，谢谢您！', `编号：${done.ticket}`, done.summary, answerByLine(done.replyByText, done.status), '', '查看办理进度请发送"查询"。'))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    if (err.code === 'consent_required') return showPrivacy(turn, { kind: 'resume', flow }) // the notice changed since
    if (askIfSendAgain(turn, flow, err)) return
    // Refused for its words: say what is wrong and offer 重新填写; the place stays chosen.
    if (!aboutThePlace(err)) return showConfirm(turn, flow, refusal(err))
    // The place or code was refused (say, an unknown station): keep the text, ask the place again.
    turn.say(err.message)
    flow.target = null
    flow.path = []
    await showPlaces(turn, flow, null)
  }
}

const deputyLabel = (d: DeputyMatch) => `${d.name}（${d.levelLabel}${d.station ? `，${d.station}` : ''}）`
const deputyTarget = (d: DeputyMatch): Target => ({ kind: 'deputy', code: d.code, label: `${d.name}代表${d.station ? `（${d.station}）` : ''}` })
