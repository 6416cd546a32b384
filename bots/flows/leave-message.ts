import { createHash, randomUUID } from 'node:crypto'
import { ApiError, type CaseDraft, type DeputyMatch } from '../client.js'
import { aboutThePlace, refusal } from './refusal.js'
import { asksIfSent, compact, isNod } from '../text.js'
import { pathTo, placeOnly, placeTree } from './places.js'
import { answerByLine, lines, numbered, type Choice, type MessageFlow, type NewMessage, type PrivacyFlow, type Target, type Turn } from './turn.js'

/**
 * A resident leaves a message: where they live (numbered districts → streets →
 * communities, or a station/deputy code from a poster), then the text in as many chat
 * messages as they like until "好了" (or a quiet join window), then confirm. The draft
 * lives in the dialogue state, so a bot restart or a backend outage loses nothing.
 */

const CANCEL_HINT = '回复"取消"可以随时退出。'
const TEXT_PROMPT = '请直接说您的问题或建议，可以分几条发。\n说完了请回复"好了"。'
/** The backend's limit for a message's words (caseBody in src/http/routes/bot/schemas.ts), counted as it counts. */
export const CASE_TEXT_MAX = 2000

/** Shows the privacy notice when the resident has not agreed yet; true when it did. */
export async function askConsentFirst(turn: Turn, next: PrivacyFlow['next']): Promise<boolean> {
  if (turn.person.consented) return false
  await showPrivacy(turn, next)
  return true
}

async function showPrivacy(turn: Turn, next: PrivacyFlow['next']) {
  const notice = await turn.client.privacy()
  turn.state.flow = { name: 'privacy', version: notice.version, next }
  turn.say(lines(notice.title, notice.text, '', '同意请回复"同意"，不同意请回复"取消"。'))
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
  turn.say('您是想给人大代表留言吧？这段话已经记下了，选好发给谁，就可以提交。不想留言请回复"取消"。')
  if (await askConsentFirst(turn, { kind: 'resume', flow })) return
  await askPlace(turn, flow)
}

/** Her words, said elsewhere first (under an answer, "这是另一件事"), as a new message's first part. */
export async function startMessageWithWords(turn: Turn, words: string) {
  const flow = newFlow()
  flow.parts.push(words)
  turn.state.flow = flow
  turn.say('好的，这段话记下了，作为一条新留言，选好发给谁，就可以提交。')
  if (await askConsentFirst(turn, { kind: 'resume', flow })) return
  await askPlace(turn, flow)
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
 * The place question of a new message: from a place she named before she was asked ("光明社区" under the privacy
 * notice); else, when her last message went to a place she chose, whether this one goes there too; else the districts.
 */
export async function askPlace(turn: Turn, flow: MessageFlow) {
  if (flow.path.length) return showPlaces(turn, flow, null)
  const last = await lastPlace(turn)
  if (!last) return showPlaces(turn, flow, null)
  flow.stage = 'samePlace'
  flow.lastPlace = last
  flow.options = []
  turn.state.flow = flow
  turn.say(lines(samePlaceQuestion(last), CANCEL_HINT))
}

/** Where her newest message with a chosen place went, district first; null when none did (or the place is gone). */
async function lastPlace(turn: Turn): Promise<Choice[] | null> {
  const { items } = await turn.client.caseList(turn.person.personId)
  const regionId = items.find((c) => c.regionId)?.regionId
  if (!regionId) return null
  const path = pathTo(await placeTree(turn.client, turn.now), regionId)
  return path.length ? path : null
}

const samePlaceQuestion = (last: Choice[]) =>
  lines(`您上次是${last.at(-1)!.name}（${last.map((p) => p.name).join(' ')}），这次还发这里吗？`, `1. 是，还发${last.at(-1)!.name}`, '2. 换地方')

/** Her answer to samePlaceQuestion: yes goes there; "换地方" (2) shows the districts; a place named goes there. */
async function samePlaceAnswer(turn: Turn, flow: MessageFlow): Promise<boolean> {
  const cmd = turn.command
  const last = flow.lastPlace ?? []
  const yes = (cmd.kind === 'number' && cmd.value === 1) || cmd.kind === 'confirm' || cmd.kind === 'done' || isNod(turn.raw)
  const typed = compact(turn.raw).replace(/[\p{P}\p{S}]/gu, '')
  const elsewhere =
    (cmd.kind === 'number' && cmd.value === 2) ||
    /^(?:不是|不|不对|换|换个|换一个|别的|其他|另外)(?:地方|的|个)?(?:吧|了)?$|^(?:不发这里|换地方了?|发别的地方)$/.test(typed)
  if (yes && last.length) {
    flow.path = [...last]
    flow.lastPlace = undefined
    await chooseTarget(turn, flow, { kind: 'region', id: last.at(-1)!.id, label: last.map((p) => p.name).join(' ') })
    return true
  }
  if (elsewhere) {
    flow.path = []
    flow.lastPlace = undefined
    await showPlaces(turn, flow, null)
    return true
  }
  const named = cmd.kind === 'text' ? placeOnly(await placeTree(turn.client, turn.now), turn.raw) : null
  if (named) {
    flow.path = named
    flow.lastPlace = undefined
    await showPlaces(turn, flow, null)
    return true
  }
  if (cmd.kind === 'text' && isLongText(turn.raw)) {
    if (addPart(turn, flow)) turn.say(lines('您说的这段话先记下了。', samePlaceQuestion(last)))
    return true
  }
  turn.say(lines('请回复数字 1 或 2：', samePlaceQuestion(last), CANCEL_HINT))
  return true
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
        const here = flow.path[flow.path.length - 1]
        await chooseTarget(turn, flow, { kind: 'region', id: here.id, label: flow.path.map((p) => p.name).join(' ') })
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
        turn.say(flow.parts.length ? '还没有提交。说完了请回复"好了"，我把整条留言给您看一遍，您确认后就发给代表。' : TEXT_PROMPT)
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
        turn.say(lines('留言还没有提交。请回复数字：', '1. 确认提交', '2. 重新填写', '3. 取消'))
        return true
      }
      if (cmd.kind !== 'text') return false
      // A detail remembered late is added, and the summary shown again.
      if (addPart(turn, flow)) showConfirm(turn, flow, '已补充。')
      return true
    }
  }
}

const NOT_SENT = '您上次写的留言还没有提交，代表还看不到。'

/** Words enough to be a message part, not a greeting or a slip ("你好", "嗯？"): about eight characters of words. */
export function isLongText(text: string): boolean {
  return [...text.replace(/[\p{P}\p{S}\s]/gu, '')].length >= 8
}

/** A short line that only names the place already chosen (or one above it): true. */
async function namesChosenPlace(turn: Turn, flow: MessageFlow): Promise<boolean> {
  if (flow.target?.kind !== 'region' || isLongText(turn.raw)) return false
  const named = placeOnly(await placeTree(turn.client, turn.now), turn.raw, flow.target.id)
  return !!named && (named.at(-1)!.id === flow.target.id || flow.path.some((p) => p.id === named.at(-1)!.id))
}

/** A line for a resident who did something else while writing a new message: where that message stands. */
export function stillWriting(flow: MessageFlow): string {
  if (flow.stage === 'samePlace' && flow.lastPlace?.length) return lines('您的新留言还没有写完。', samePlaceQuestion(flow.lastPlace))
  if (flow.stage === 'text') return '您的新留言还在写，接着说就行；说完了回复"好了"。'
  if (flow.stage === 'confirm') return '您的新留言还没有提交：确认提交请回复 1，不要了请回复"取消"。'
  // The list is shown again: what she did meanwhile pushed it up out of sight.
  if (flow.options.length) return lines('您的新留言还没有写完，请接着选：', choicesShown(flow))
  return '您的新留言还没有写完，请回复列表前面的数字接着选。'
}

/** The join window passed without "好了": show what we have and ask to confirm. */
export function finishTyping(turn: Pick<Turn, 'state' | 'say'>, flow: MessageFlow) {
  if (flow.stage !== 'text' || flow.parts.length === 0) return
  showConfirm(turn, flow)
}

/** A new draft: no place chosen, nothing written yet. */
export function newFlow(): MessageFlow {
  return { name: 'message', stage: 'place', draftId: randomUUID(), target: null, path: [], options: [], parts: [], lastPartAt: null }
}

/**
 * Lists the places under the one reached (the picked region, else the last of the path: districts when none); a
 * community or a leaf is the place.
 */
async function showPlaces(turn: Turn, flow: MessageFlow, picked: Choice | null) {
  if (picked) flow.path.push(picked)
  const here = flow.path.at(-1) ?? null
  const children = here && here.kind === 'community' ? [] : (await turn.client.regions(here?.id)).filter((r) => r.kind !== 'grid')
  if (here && children.length === 0) {
    return chooseTarget(turn, flow, { kind: 'region', id: here.id, label: flow.path.map((p) => p.name).join(' ') })
  }
  flow.stage = 'place'
  flow.options = children.map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
  turn.state.flow = flow
  turn.say(lines(choicesShown(flow), '', !here && '海报上有编号的（如 ST001、DP0001），也可以直接发编号。', CANCEL_HINT))
}

/**
 * Words typed while she chooses a place or a deputy: the name of one on the list (or the start of
 * it: "轻工" for 轻工街道) picks it; her problem described is kept as the message's first words; a
 * "不知道" is told what to do; anything else is asked for the number again.
 */
async function typedWhileChoosing(turn: Turn, flow: MessageFlow): Promise<boolean> {
  const typed = compact(turn.raw).replace(/[\p{P}\p{S}]/gu, '')
  const here = flow.path.at(-1)
  if (/^(?:我)?(?:也)?(?:不知道|不清楚|不晓得|不记得|不确定)/.test(typed)) {
    turn.say(
      lines(
        here ? `不清楚的话，回复 0，就发给${here.name}。` : '不清楚在哪个区的话，可以发送代表的名字（如：给张伟代表留言），或海报上的编号。',
        choicesShown(flow),
        CANCEL_HINT,
      ),
    )
    return true
  }
  const long = turn.command.kind === 'text' && isLongText(turn.raw)
  // Her problem described here is the message's words, kept whatever else they say.
  if (long && !addPart(turn, flow)) return true
  const named = typed.length >= 2 ? flow.options.filter((o) => o.name === typed || (!long && o.name.startsWith(typed)) || typed.includes(o.name)) : []
  if (named.length === 1) {
    if (flow.stage === 'deputy') await chooseTarget(turn, flow, { kind: 'deputy', code: named[0].id, label: named[0].name })
    else await showPlaces(turn, flow, named[0])
    return true
  }
  // A place further down, answered before it was asked ("光明社区" while the districts are listed): its whole path.
  const deeper = !long && !named.length && flow.stage === 'place' ? placeOnly(await placeTree(turn.client, turn.now), turn.raw, here?.id ?? null) : null
  if (deeper) {
    flow.path = deeper
    await showPlaces(turn, flow, null)
    return true
  }
  if (long) turn.say(lines('您说的这段话先记下了，选好地方就能提交。', choicesShown(flow), CANCEL_HINT))
  else turn.say(lines(named.length > 1 ? '有几个名字相近，请回复列表前面的数字。' : '请回复列表前面的数字。', CANCEL_HINT))
  return true
}

/** The numbered list she is choosing from (places at the level reached, or the deputies found), as it was shown. */
function choicesShown(flow: MessageFlow): string {
  if (flow.stage === 'deputy') return lines('找到几位代表，请选择（回复数字）：', numbered(flow.options.map((o) => o.name)))
  const picked = flow.path.at(-1)
  const level = !picked ? '您住在哪个区（县）' : picked.kind === 'district' ? '哪个街道（乡镇）' : '哪个社区（村）'
  return lines(`请选择${level}，回复数字：`, numbered(flow.options.map((o) => o.name)), picked && `0. 不清楚，就选${picked.name}`)
}

async function chooseTarget(turn: Turn, flow: MessageFlow, target: Target) {
  flow.target = target
  flow.options = []
  turn.state.flow = flow
  if (flow.parts.length > 0) return showConfirm(turn, flow)
  flow.stage = 'text'
  turn.say(lines(`好的，留言将发给：${target.label}。`, TEXT_PROMPT))
}

/**
 * Takes one more part of the text, unless it would pass the limit: then the resident hears why
 * at once and keeps what was said before (told only at "确认", three parts of typing were lost).
 */
export function addPart(turn: Turn, flow: MessageFlow): boolean {
  const first = flow.parts.length === 0
  const before = first ? 0 : flow.parts.join('\n').length + 1
  if (before + turn.raw.length > CASE_TEXT_MAX) {
    turn.say(
      first
        ? lines(`这段话有 ${turn.raw.length} 字，一条留言最多 ${CASE_TEXT_MAX} 字，没有收下。`, '请说得短一些再发；几件事可以分开留言。')
        : lines(
            `这段话没有收下：一条留言最多 ${CASE_TEXT_MAX} 字，前面已经收到 ${before - 1} 字，加上这段就超过了。`,
            '请把要补充的话说得短一些再发，或者回复"好了"提交前面的内容。',
          ),
    )
    return false
  }
  flow.parts.push(turn.raw)
  flow.lastPartAt = turn.now
  turn.state.flow = flow
  if (first && flow.stage === 'text') turn.say('收到。还有要补充的请接着发，说完了回复"好了"。')
  return true
}

function showConfirm(turn: Pick<Turn, 'state' | 'say'>, flow: MessageFlow, before: string | null = null) {
  flow.stage = 'confirm'
  turn.state.flow = flow
  turn.say(
    lines(before, '请核对您的留言：', `发给：${flow.target?.label ?? ''}`, `内容：${flow.parts.join('\n')}`, '', '1. 确认提交', '2. 重新填写', '3. 取消'),
  )
}

export async function submit(turn: Turn, flow: MessageFlow) {
  const target = flow.target!
  const draft: CaseDraft = { text: flow.parts.join('\n') }
  if (target.kind === 'region') draft.regionId = target.id
  if (target.kind === 'deputy') draft.deputyCode = target.code
  if (target.kind === 'station') draft.stationCode = target.code
  // Same draft, same body → same key, so a retry after a lost answer returns the first case.
  const key = `bot-${flow.draftId}-${createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 16)}`
  try {
    const done = await turn.client.submitCase(turn.person.personId, draft, key)
    turn.state.flow = null
    turn.say(lines('留言已提交，谢谢您！', `编号：${done.ticket}`, done.summary, answerByLine(done.replyByText, done.status), '', '查看办理进度请发送"查询"。'))
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    if (err.code === 'consent_required') return showPrivacy(turn, { kind: 'resume', flow }) // the notice changed since
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
