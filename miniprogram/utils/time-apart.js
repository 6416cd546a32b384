/**
 * A sentence cut where it names a date or a time, so that the page keeps each whole on its line: at 375 px, and more
 * in 关怀模式, "上午9:00" broke as "上 / 午9:00", "12月2日（星期三）" as "（星期 / 三）", "11月23日" as "11月23 / 日",
 * and an old reader reads half a time. [{ text, time }] in order; `time` marks a piece drawn with class "whole"
 * (app.wxss). Pieces are small (a date with its weekday, "12月2日（星期三）" or "12月2日 周三"; a time of day) so that
 * a line can still break between them.
 * As utils/phone-apart.js does for phone numbers.
 */
const TIME =
  /((?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（星期[一二三四五六日天]）| 周[一二三四五六日])?|(?:上午|下午|中午|晚上|凌晨|早上|傍晚)?\d{1,2}:\d{2}|周[一二三四五六日])/

function timeApart(text) {
  return String(text || '')
    .split(TIME)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, time: TIME.test(part) && part.replace(TIME, '') === '' }))
}

module.exports = { timeApart }
