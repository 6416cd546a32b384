/**
 * Phone numbers as people type them: full-width digits, spaces, dashes, a +86 prefix.
 * Returns the normalised number, or null when it is not a Chinese mobile or landline.
 */
export function normalizePhone(input: string): string | null {
  const ascii = input.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\uFF0B]/g, '+')
  let digits = ascii.replace(/[\s\-()（）\uFF0D\u2013\u2014]/g, '')
  if (/^(\+86|0086)/.test(digits)) digits = digits.replace(/^(\+86|0086)/, '')
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2)
  if (/^1[3-9]\d{9}$/.test(digits)) return digits
  // Landline: area code (3–4 digits starting with 0) and a 7–8 digit number.
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) return digits
  return null
}

/**
 * What a number is called to the person who gave it: "手机号" for a mobile, "电话" for anything else (a
 * landline she typed, or a number not at hand): never 手机号 for a landline.
 */
export function phoneWord(input: string | null): '手机号' | '电话' {
  const number = input === null ? null : normalizePhone(input)
  return number !== null && number.startsWith('1') ? '手机号' : '电话'
}

/** What normalizePhone accepts: an 11-digit mobile, or a landline with its area code (0 and 2–3 digits, then 7–8). */
const PHONE_FORMS = '，请填 11 位手机号，或带区号的座机号（如 0375-2345678）'

/**
 * Why a number normalizePhone refuses is refused, for the person who typed it: what she typed and what to type instead
 * ("电话号码“12345”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）"); a mobile a digit short or long says
 * how many digits it has where a mobile has 11. The same words wherever a number is typed (a form, a roster file).
 */
export function phoneProblem(input: string): string {
  return `电话号码“${input.trim()}”不对${mobileLengthHint(input) ?? PHONE_FORMS}`
}

/** A mobile number a digit short or long ("1390571200"): how many digits it has where a mobile has 11. */
function mobileLengthHint(value: string): string | null {
  const digits = value.replace(/\D/g, '').replace(/^86(?=1)/, '')
  return /^1/.test(digits) && (digits.length === 10 || digits.length === 12) ? `：手机号是 11 位数字，这里是 ${digits.length} 位` : null
}
