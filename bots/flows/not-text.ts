import { firstWords } from './kept-draft.js'
import { choicesShown } from './message-draft.js'
import { samePlaceQuestion } from './same-place.js'
import { sendAgainPending } from './sent-before.js'
import { lines } from './turn.js'
import type { Flow } from './dialogue-state.js'

/**
 * A photo or a voice note: the bot cannot read them, and nothing of them goes into a message. While she writes she
 * hears her words are kept and where a photo can go; while she chooses where a message goes, the choice again (what she
 * sent meanwhile pushed it up), since nothing of hers is written yet; while she decides whether to send an earlier
 * unsent message (kept-draft.ts, offerKeptDraft), that choice in plain words, for she is writing nothing just then;
 * while she is asked whether to send the same words again (sent-before.ts), that the photo does not go with them.
 */

const NOT_TEXT = '目前只能看懂文字消息，照片和语音收不到，请用文字告诉我。需要帮助请发送"帮助"。'
const NOT_TEXT_WHILE_WRITING =
  '照片和语音我这里收不到，没有加进留言。请用文字说说看到的情况；要给代表看照片，可以在小程序里留言时加照片。您的留言还在，接着写就行。'
const NOT_TEXT_WHILE_CHOOSING = '照片和语音我这里收不到。请先回复数字选好发给谁：'
const NOT_TEXT_BESIDE_REPEAT = '照片和语音我这里收不到，不会跟留言一起送出；要给代表看照片，可以在小程序里留言时加照片。'

/** What a photo or voice note hears, by what is going on. */
export function notTextAnswer(flow: Flow | null): string {
  if (flow?.name !== 'message') return NOT_TEXT
  if (flow.instead)
    return lines(
      `照片和语音我这里收不到。您写的留言「${firstWords(flow)}」还没有发出。`,
      '这里请回复数字：1 发出这条留言，2 不要了重新写。',
      '不想留言了请回复"取消"。',
    )
  // Asked whether to send the same words again: the photo does not go with them, said plainly, and the question again.
  if (flow.stage === 'confirm' && flow.sentBefore !== undefined)
    return lines(NOT_TEXT_BESIDE_REPEAT, sendAgainPending(flow.sentBefore, flow.sentBeforeAnswered))
  if (flow.stage === 'samePlace' && flow.lastPlace?.length) return lines(NOT_TEXT_WHILE_CHOOSING, samePlaceQuestion(flow.lastPlace))
  if ((flow.stage === 'place' || flow.stage === 'deputy') && flow.options.length) return lines(NOT_TEXT_WHILE_CHOOSING, choicesShown(flow))
  return NOT_TEXT_WHILE_WRITING
}
