import { compact } from '../typed-text.js'
import { AFTER, BEFORE } from './deputy-elsewhere.js'
import { lines } from './turn.js'

/**
 * What a resident may look for in the chat that is done in the mini-program, or not by residents at all:
 * "投票" (deputies vote on the livelihood projects; she can propose one, or answer a consultation), "问卷",
 * "学习", "答题". She hears where it is, in plain words, never the menu she did not ask for. Pure words.
 */

const TOPICS: Array<{ words: string; answer: string }> = [
  {
    words: '(?:投票|投个票|票决|民生实事票决|项目票决)',
    answer: lines(
      '投票是人大代表做的事：每年办哪些民生实事，由人大代表投票决定，群众不用投票。',
      '您想出主意的话，可以打开小程序，在首页点“民生实事”，看今年办哪些实事，正在征集时还能点“我要提建议”；点“问卷”，可以填写征求意见的问卷。',
      '有问题想反映，请发送"留言"写给代表。',
    ),
  },
  {
    words: '(?:问卷|填问卷|做问卷|问卷调查|调查问卷|征求意见|填写问卷)',
    answer: lines('问卷要在小程序里填，在微信聊天里填不了：打开小程序，在首页点“问卷”。', '看到问卷海报的话，用微信“扫一扫”扫海报上的二维码，也能直接打开。'),
  },
  {
    words: '(?:学习|学习材料|学习打卡|打卡|知识竞赛|知识答题|答题|竞赛)',
    answer: '学习材料和知识竞赛都在小程序里，在微信聊天里做不了：打开小程序，在首页点“学习”。',
  },
]

/**
 * What she says she wants to do with it, and which one she means: "我想填那个立法的征求意见", "我要参加一下这个问卷".
 * Only these few words: anything more ("征求意见没用", "我对立法的征求意见有意见") is hers to say to a deputy.
 */
const DOING = '(?:填|填写|填个|参加|参与|做|做个|看|看看|找|写|提)?(?:一下)?(?:那个|这个|个)?(?:立法|法规|条例|草案|法律)?的?'
/** Long enough for "我想填一下那个立法的征求意见", short enough that a sentence about something else is never read as this. */
const ASK_MAX = 16

const MATCHERS = TOPICS.map((t) => ({ re: new RegExp(`^${BEFORE}${DOING}${t.words}${AFTER}$`), answer: t.answer }))

/** Where a resident does what she asked for ("投票", "问卷怎么填", "我要学习", "我想填那个立法的征求意见"); null for any other words. */
export function residentElsewhere(text: string): string | null {
  const t = compact(text).replace(/[?？!！。.，,~～]/g, '')
  if (!t || [...t].length > ASK_MAX) return null
  return MATCHERS.find((m) => m.re.test(t))?.answer ?? null
}
