import { bare, compact, EMOJI, normalise, originalTail, repeatedUnit } from './typed-text.js'

/** How a resident gives a score: a number, a word of the rating question, 不满意 with the reason after it. */

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/**
 * A rating said in words, as the rating question names the scores (5 很满意 … 1 很不满意), and
 * the plain words people answer it with. "不满意" is not here: it asks for the message to be
 * handled again (the reopen word, or dissatisfaction() with the reason after it).
 */
const RATING_WORDS: Record<string, number> = {
  很满意: 5,
  非常满意: 5,
  特别满意: 5,
  十分满意: 5,
  非常好: 5,
  很好: 5,
  特别好: 5,
  太好了: 5,
  满意: 4,
  比较满意: 4,
  挺满意: 4,
  挺好: 4,
  不错: 4,
  挺不错: 4,
  还不错: 4,
  基本满意: 3,
  一般: 3,
  还行: 3,
  还可以: 3,
  很不满意: 1,
  非常不满意: 1,
  // Shop-review words people rate with everywhere else.
  好评: 5,
  五星好评: 5,
  满分: 5,
  一般般: 3,
  还好: 3,
  凑合: 3,
  不怎么样: 2,
  不太好: 2,
  差评: 1,
  很差: 1,
  太差: 1,
  非常差: 1,
}

/** "谢谢代表"、"，感谢你们的帮助" after a score: kind words, not part of it. */
const TRAILING_THANKS = /[,，、;；]?(?:谢谢|感谢|多谢|辛苦)[\s\S]*$/

/**
 * A score in words or digits as people write it under the rating question: "满意" → 4,
 * "很满意👍" → 5, "满意[强]" → 4, "五星" → 5, "5分 谢谢代表" → 5, "满意 谢谢" → 4. Emoji,
 * WeChat faces and thanks after it are left aside. Anything else → null.
 */
export function ratingWord(text: string): number | null {
  // "挺好的"、"还行吧"、"太差了": a tail that changes nothing of the score.
  const t = bareAnswer(text).replace(/[啊呀哈哦吧的了]+$/, '')
  const word = RATING_WORDS[t] ?? RATING_WORDS[repeatedUnit(t, (u) => u in RATING_WORDS) ?? '']
  if (word !== undefined) return word
  // "5分"、"五星"、"打5分"、"4颗星": a score said with its unit (星 is the same as 分).
  const score = /^(?:打|给|评)?(\d{1,2}|[一二两三四五六七八九十])(?:分|颗星|个星|星)?$/.exec(t)
  if (!score) return null
  return /\d/.test(score[1]) ? Number(score[1]) : CHINESE_DIGITS[score[1]]
}

/** What a short answer says without emoji, WeChat faces, thanks after it and punctuation: "满意！谢谢👍" → "满意". */
function bareAnswer(text: string): string {
  return compact(text)
    .replace(EMOJI, '')
    .replace(TRAILING_THANKS, '')
    .replace(/[!！~～。.，,、;；]+/g, '')
}

/**
 * The rating scale's own words (SCALE_LINE), and 非常满意, 基本满意, 非常不满意 as people say them: the
 * scores RATING_WORDS gives them, and 不满意's 2 (left out there, where it asks for handling again).
 */
const SCALE_WORDS: Record<string, number> = {
  ...Object.fromEntries(['很满意', '非常满意', '满意', '基本满意', '一般', '很不满意', '非常不满意'].map((w) => [w, RATING_WORDS[w]])),
  不满意: 2,
}

/**
 * A word of the rating scale alone but for punctuation, emoji or thanks: "满意！", "很满意👍", "不满意。".
 * Unlike ratingWord() it leaves "不错", "5分" and the like aside: a resident writing a new message while
 * an answer waits may say those about her problem, but a scale word alone only answers the question.
 */
export function scaleWord(text: string): number | null {
  return SCALE_WORDS[bareAnswer(text)] ?? null
}

/**
 * "不满意，灯还是不亮" → { score: 2, reason: '灯还是不亮' }; "很不满意" → { score: 1, reason: '' }.
 * The reason keeps the person's own characters; null when the text does not start with 不满意.
 */
export function dissatisfaction(input: string): { score: number; reason: string } | null {
  const text = normalise(input)
  const m = /^(很|非常|特别|十分)?\s*不\s*(?:太\s*)?满\s*意[\s!！~～。.，,、:：;；啊呀哦了]*/.exec(text)
  if (!m) return null
  const tail = originalTail(input, m[0]) ?? text.slice(m[0].length)
  // Only faces or thanks after it ("不满意[撇嘴]") leave no reason to keep.
  const meaningful = compact(tail)
    .replace(EMOJI, '')
    .replace(TRAILING_THANKS, '')
    .replace(/[\p{P}\p{S}]/gu, '')
  return { score: m[1] ? 1 : 2, reason: meaningful ? tail.replace(/^[\s!！~～。.，,、:：;；啊呀哦了]+/, '').trim() : '' }
}

/**
 * Words under an answer that say it did not solve the problem ("根本没修好，你们再看看", "灯还是不亮"):
 * her verdict on that answer, 不满意, not a new message. Only read while an answer waits for her score.
 */
const NOT_SOLVED =
  /没(?:有)?(?:修好|修|解决|处理|办好|弄好|管|人管|人来|效果|用)|还是(?:不|没|老样子|一样)|根本|再(?:看看|处理|来看|去看|管管|办)|不管用|白答复|敷衍|糊弄|答非所问|什么也没做|啥也没/

export function notSolved(text: string): boolean {
  return NOT_SOLVED.test(compact(text))
}

/** "3", "３", "3.", "第3个", "三" → 3; anything else → null. */
export function choiceNumber(text: string): number | null {
  const t = compact(text)
  const digits = /^第?(\d{1,2})(?:个|项|号|条|分|星|[.、,。)])?$/.exec(t)
  if (digits) return Number(digits[1])
  const hanzi = /^第?([一二两三四五六七八九十])(?:个|项|号|条|分|星)?$/.exec(t)
  return hanzi ? CHINESE_DIGITS[hanzi[1]] : null
}

/** Longest a verdict on an answer is taken to be, in characters of words: more is a message of its own, or may be. */
const VERDICT_MAX = 20

/** Words that judge an answer or how it was handled: thanks, the scale, speed, manner, whether it worked. */
const ABOUT_ANSWER =
  /满意|谢谢|感谢|多谢|辛苦|态度|答复|回复|回答|处理|办理|解决|修好|弄好|办好|效率|速度|及时|很快|真快|太慢|负责|认真|耐心|热情|用心|点赞|敷衍|糊弄|不错|很好|挺好|不好|一般|还行|靠谱|有用|没用|管用/

/**
 * What a verdict on the answer does not say: a place (a new address is a new matter), or a request (a new
 * matter asked for): "我们小区3号楼的垃圾…请代表帮忙反映一下".
 */
const NEW_MATTER =
  /小区|号楼|楼下|楼上|楼道|单元|门口|路口|街道|大街|村|社区|学校|医院|市场|公园|广场|马路|另外|另一件|还有(?:一件|个|件)?(?:事|问题)|别的事|新问题|反映|请|帮忙|帮我|能不能|能否|希望|建议/

/**
 * Whether words sent right after a bare score read as her verdict on the answer she has just scored
 * ("路灯还是没修好", "态度很好，谢谢", "满意", "速度太慢了"): short, judging the answer, naming no place or
 * new request. Anything else may be a new problem, and she is asked which it is.
 */
export function verdictOnAnswer(text: string): boolean {
  const t = bare(text)
  if (!t || [...t].length > VERDICT_MAX || NEW_MATTER.test(t)) return false
  return ratingWord(text) !== null || scaleWord(text) !== null || dissatisfaction(text) !== null || notSolved(text) || ABOUT_ANSWER.test(t)
}
