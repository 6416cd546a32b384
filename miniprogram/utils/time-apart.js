/**
 * A sentence cut where it names a date or a time, so that the page keeps each whole on its line: at 375 px, and more
 * in 关怀模式, "上午9:00" broke as "上 / 午9:00", "12月2日（星期三）" as "（星期 / 三）", "11月23日" as "11月23 / 日",
 * and an old reader reads half a time. [{ text, time }] in order; `time` marks a piece drawn with class "whole"
 * (app.wxss). A date with the time of day beside it ("12月6日 18:00", "12月2日（星期三）上午10:00") is one piece: a
 * deadline read as "12月6日" at a line's end and "18:00" on the next reads as two things. Otherwise pieces are small
 * (a date with its weekday; a time of day) so that a line can still break between them; a date with its year keeps
 * its time apart, as the two together are wider than a line in 关怀模式.
 * The short word after a piece goes with it ("前答题", "结束，"): "…下午5:00前答 / 题" left half a word alone. No
 * piece is wider than a 关怀模式 line (LINE_EM): where a date, its time and the words beside them are wider together
 * ("会议已于" before, "结束，" after), the date and the time become two pieces, each with its word ("会议已于12月1日
 * （星期二）" / "上午11:30结束，"), rather than leave "会议已于" alone on a line above them.
 * As utils/phone-apart.js does for phone numbers.
 */
const DATE = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（星期[一二三四五六日天]）| 周[一二三四五六日])?$/
const CLOCK = /^(?:上午|下午|中午|晚上|凌晨|早上|傍晚)?\d{1,2}:\d{2}$/
const TIME =
  /((?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（星期[一二三四五六日天]）| 周[一二三四五六日])?|(?:上午|下午|中午|晚上|凌晨|早上|傍晚)?\d{1,2}:\d{2}|周[一二三四五六日])/

// The word after a piece: up to four characters that end there (at a stop, a space or the end), with their stop; after
// a space only a word that ties to the date (" 前回复"), never the next thing said (" 张伟"). "（含当日）" is part of
// the word it follows ("前（含当日）答复，", or "前（含当日）" alone when more follows): in 关怀模式 it broke as
// "前（含当 / 日）答复", and what of it does not go with the date stays whole after it.
const TAIL =
  /^(?: (?=[前后起止]))?(?:[前后起止]?（含当日）(?:[\u4e00-\u9fff]{1,4}(?:[，。；、！？]|(?=[\s·]|$)))?|[\u4e00-\u9fff]{1,4}(?:[，。；、！？]|(?=[\s·]|$)))/
// Or only the one character that ties a longer word to the date ("前可以取消" keeps "前").
const TAIL_CHAR = /^ ?[前后起止]/
// The short word before a piece, from the start or after a stop or a space ("会议已于", "请在 ", "时间：").
const LEAD = /(?:^|[\s，。；、！？·])([\u4e00-\u9fff]{1,4}：? ?)$/
// Words that join two pieces ("上午9:00 至 上午11:30") belong to neither.
const JOINING = /^ ?[至到和或与及] ?$/

// 关怀模式 on a 375 px phone: 40 rpx text in a card (750 − 2 × 32 page − 2 × 32 card = 622 rpx) holds 15.5 characters;
// 15 leaves room for fonts whose digits are wider than those measured.
const LINE_EM = 15

/** A text's width in em: Chinese characters and full-width stops one, digits and letters a little over a half. */
function widthEm(text) {
  let em = 0
  for (const ch of text) em += ch.charCodeAt(0) >= 0x2e80 ? 1 : /[\s:·.,]/.test(ch) ? 0.3 : 0.6
  return em
}

const fits = (text) => widthEm(text) <= LINE_EM

/** A date without its year followed by its time of day, straight on or after one space: one piece (its halves kept). */
function joinDateAndTime(parts) {
  const out = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const gap = parts[i + 1] === ' ' ? ' ' : ''
    const next = parts[i + 1 + (gap ? 1 : 0)]
    if (DATE.test(part) && part.indexOf('年') < 0 && CLOCK.test(next || '')) {
      out.push({ text: part + gap + next, time: true, date: part, gap: gap, clock: next })
      i += gap ? 2 : 1
    } else out.push({ text: part, time: TIME.test(part) && part.replace(new RegExp(TIME.source, 'g'), '').trim() === '' })
  }
  return out
}

/** The word after a piece (up to four characters) and the tails it may take from it, the longest first; '' last. */
function tailsOf(after) {
  if (!after || after.time) return { word: '', tails: [''] }
  const word = (after.text.match(TAIL) || [''])[0]
  const char = (after.text.match(TAIL_CHAR) || [''])[0]
  if (JOINING.test(word)) return { word: '', tails: [''] }
  return { word: word, tails: [word, char].filter((t, i, all) => t && all.indexOf(t) === i).concat(['']) }
}

/**
 * A piece with the words around it: { lead, pieces, tail }, the lead taken from before it, the tail from after. The
 * lead only goes into a piece when the date and its time part; when lead, piece and tail fit a line together, the
 * lead cannot stand alone above them and stays as it was.
 */
function withWords(p, before, after) {
  const lead = before && !before.time ? (before.text.match(LEAD) || [])[1] || '' : ''
  const tails = tailsOf(after).tails
  for (let i = 0; i < tails.length; i++) {
    const tail = tails[i]
    if (fits(lead + p.text + tail)) return { lead: '', pieces: [{ text: p.text + tail, time: true }], tail: tail }
    if (p.date && fits(lead + p.date) && fits(p.clock + tail)) {
      return {
        lead: lead,
        pieces: [
          { text: lead + p.date, time: true },
          { text: p.gap, time: false },
          { text: p.clock + tail, time: true },
        ],
        tail: tail,
      }
    }
    if (fits(p.text + tail)) return { lead: '', pieces: [{ text: p.text + tail, time: true }], tail: tail }
  }
  return { lead: '', pieces: [{ text: p.text, time: true }], tail: '' }
}

function timeApart(text) {
  const parts = joinDateAndTime(
    String(text || '')
      .split(TIME)
      .filter((part) => part !== ''),
  )
  let out = []
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (!p.time) {
      out.push({ text: p.text, time: false })
      continue
    }
    const word = tailsOf(parts[i + 1]).word
    const w = withWords(p, out[out.length - 1], parts[i + 1])
    if (w.lead) out[out.length - 1].text = out[out.length - 1].text.slice(0, -w.lead.length)
    out = out.concat(w.pieces)
    // What is left of the word after it ("前提意见" when only "前" fitted) is kept whole on its line too.
    const rest = word.slice(w.tail.length)
    if (rest) out.push({ text: rest, time: true })
    if (word || w.tail) parts[i + 1] = { text: parts[i + 1].text.slice(Math.max(word.length, w.tail.length)), time: false }
  }
  return out.filter((part) => part.text !== '')
}

module.exports = { timeApart }
