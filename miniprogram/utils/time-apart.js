/**
 * A sentence cut where it names a date or a time, so that the page keeps each whole on its line: at 375 px, and more
 * in 关怀模式, "上午9:00" broke as "上 / 午9:00", "12月2日（星期三）" as "（星期 / 三）", "11月23日" as "11月23 / 日",
 * and an old reader reads half a time. [{ text, time }] in order; `time` marks a piece drawn with class "whole"
 * (app.wxss). A date with the time of day beside it ("12月6日 18:00", "12月2日（星期三）上午10:00") is one piece: a
 * deadline read as "12月6日" at a line's end and "18:00" on the next reads as two things. Otherwise pieces are small
 * (a date with its weekday; a time of day) so that a line can still break between them; a date with its year keeps
 * its time apart, as the two together are wider than a line in 关怀模式.
 * As utils/phone-apart.js does for phone numbers.
 */
const DATE = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（星期[一二三四五六日天]）| 周[一二三四五六日])?$/
const CLOCK = /^(?:上午|下午|中午|晚上|凌晨|早上|傍晚)?\d{1,2}:\d{2}$/
const TIME =
  /((?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（星期[一二三四五六日天]）| 周[一二三四五六日])?|(?:上午|下午|中午|晚上|凌晨|早上|傍晚)?\d{1,2}:\d{2}|周[一二三四五六日])/

/** A date without its year followed by its time of day, straight on or after one space: one piece. */
function joinDateAndTime(parts) {
  const out = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    const gap = parts[i + 1] === ' ' ? ' ' : ''
    const next = parts[i + 1 + (gap ? 1 : 0)]
    if (DATE.test(part) && part.indexOf('年') < 0 && CLOCK.test(next || '')) {
      out.push(part + gap + next)
      i += gap ? 2 : 1
    } else out.push(part)
  }
  return out
}

function timeApart(text) {
  const parts = String(text || '')
    .split(TIME)
    .filter((part) => part !== '')
  return joinDateAndTime(parts).map((part) => ({ text: part, time: TIME.test(part) && part.replace(new RegExp(TIME.source, 'g'), '').trim() === '' }))
}

module.exports = { timeApart }
