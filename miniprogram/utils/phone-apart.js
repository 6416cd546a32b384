/**
 * A sentence cut where it names a phone number, so that the page can keep each number whole on one line: at a
 * narrow width "0375-2661234" broke at its hyphen ("0375-" / "2661234"), and an old reader copies half a number.
 * [{ text, phone }] in order; `phone` marks a number (drawn with class "nowrap"). Landlines with an area code
 * (0375-2661234) and mobiles (13812345678).
 *
 * A run of digits is a phone number only as a whole: eleven digits inside an 18-digit ID number or a long meeting
 * number are no phone, and marked as one they would be read as one. Runs are cut out first and each tested whole
 * (not with a lookbehind, which older phones' JavaScript engines do not know).
 */
const DIGITS = /(\d+(?:-\d+)*)/
const PHONE = /^(?:0\d{2,3}-\d{7,8}(?:-\d{1,6})?|1\d{10})$/

function phoneApart(text) {
  const parts = []
  String(text || '')
    .split(DIGITS)
    .forEach((piece) => {
      if (piece === '') return
      const phone = PHONE.test(piece)
      const before = parts[parts.length - 1]
      // Digits that are no phone stay in the words around them: one piece of text, as before.
      if (!phone && before && !before.phone) before.text += piece
      else parts.push({ text: piece, phone: phone })
    })
  return parts
}

module.exports = { phoneApart }
