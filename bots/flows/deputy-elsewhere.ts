import { compact } from '../typed-text.js'

/**
 * What a deputy does in the mini-program and not in the chat: voting in a ballot, answering a
 * questionnaire, study, his 履职档案 and points. "投票", "问卷", "学习", "我的积分" are answered with where to do
 * it, never with the case menu (the bot cannot take a vote or an answer). Pure words, no I/O.
 */

/** Where a deputy's tasks are listed in the mini-program, as the notices and reminders say it. */
export const WORKBENCH_TODO = '小程序“代表工作台”的“我的待办”'

/** One line for the deputy menu: what the chat cannot do, and where it is done. */
export const ELSEWHERE_MENU_LINE = `投票、填问卷请到${WORKBENCH_TODO}中办；代表建议、学习、履职档案和积分也在小程序里（发送"建议""学习"等可以看怎么找）。`

/** Where his 代表建议 are written and followed, in the words of the workbench's own link (miniprogram/pages/deputy/index.wxml). */
const SUGGESTIONS = '代表建议在小程序里写、看办理进度和评价答复：打开小程序，点“代表工作台”，再点“我的建议（写建议、附议、评价答复）”。'

/** Asking words around the topic: "我要投票", "怎么投票", "投票在哪里", "问卷怎么填". */
export const BEFORE = '(?:我要|我想|我来|要|想|怎么|怎样|如何|去哪里?|在哪里?|哪里)?'
export const AFTER = '(?:在哪里?|在哪儿|怎么[投填弄办看做]?|怎样[投填弄办看做]?|如何[投填弄办看做]?|呢|吗|啊|一下)?'

const TOPICS: Array<{ words: string; answer: string }> = [
  {
    words: '(?:投票|投个票|票决|民生实事票决|项目票决)',
    answer: `在微信聊天里不能投票。请在${WORKBENCH_TODO}中投票：打开小程序，点“代表工作台”，在“我的待办”里点票决的名字。`,
  },
  {
    words: '(?:问卷|填问卷|做问卷|问卷调查|调查问卷|征求意见|填写问卷)',
    answer: `在微信聊天里不能填写问卷。请在${WORKBENCH_TODO}中填写：打开小程序，点“代表工作台”，在“我的待办”里点问卷的名字。`,
  },
  {
    words: '(?:学习|学习材料|必读材料|必读|学习打卡|打卡|知识竞赛|答题)',
    answer: `学习材料和知识竞赛在小程序里：首页点“学习”。要您必读的材料也列在${WORKBENCH_TODO}中，读完会记为已读。`,
  },
  {
    // A deputy's "建议" is his 代表建议 (the chat cannot take one); his own matter as a resident is a 留言.
    words: '(?:建议|代表建议|我的建议|我的代表建议|写建议|写代表建议|提代表建议|附议|建议怎么写|建议怎么提|建议在哪写)',
    answer: `${SUGGESTIONS}您自己要反映问题，请发送"留言"。`,
  },
  {
    words: '(?:我的积分|积分|履职积分|履职|履职档案|我的履职档案|履职情况|我的履职)',
    answer: '履职档案和积分请在小程序里看：打开小程序，点“代表工作台”，再点“我的履职档案”。',
  },
]

/** Each topic's words with the asking words around them, and its answer (the residents' topics use it too). */
export const elsewhereMatchers = (topics: Array<{ words: string; answer: string }>) =>
  topics.map((t) => ({ re: new RegExp(`^${BEFORE}${t.words}${AFTER}$`), answer: t.answer }))

const MATCHERS = elsewhereMatchers(TOPICS)

/** The answer of the first matcher that short words ("我要投票？") are asked by; null for any other words. */
export function elsewhereAnswer(text: string, matchers: Array<{ re: RegExp; answer: string }>): string | null {
  const t = compact(text).replace(/[?？!！。.，,~～]/g, '')
  if (!t || [...t].length > 12) return null
  return matchers.find((m) => m.re.test(t))?.answer ?? null
}

/** The answer to "投票", "问卷", "学习", "我的积分" and their like from a deputy; null for any other words. */
export const doneElsewhere = (text: string): string | null => elsewhereAnswer(text, MATCHERS)
