// Articles of a draft law are numbered in Chinese numerals (第一条, 第十二条, 第一百零一条), as the
// legislature prints them: a new article continues the numbering the organizer sees above it.

const DIGITS = '零一二三四五六七八九'
const UNITS = ['', '十', '百', '千']

/** 1 → 一, 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1001 → 一千零一 (1 to 9999; other numbers in digits). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n)
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]
    if (d === 0) {
      zero = true
      return
    }
    // One 零 stands for any run of zeros between two figures; zeros at the end are not said.
    if (zero && out) out += '零'
    zero = false
    out += DIGITS[d] + unit
  })
  // 十二, not 一十二: only at the front of a number below twenty.
  return n >= 10 && n < 20 ? out.slice(1) : out
}

/** 十二 → 12, 一百零一 → 101, 两百 → 200, 12 → 12; null when it is not a number. */
export function numeralValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null
  let total = 0
  let digit: number | null = null
  for (const ch of text) {
    const unit = ['十', '百', '千'].indexOf(ch)
    if (unit >= 0) {
      // 十 alone at the front is 一十.
      total += (digit ?? 1) * 10 ** (unit + 1)
      digit = null
    } else digit = ch === '两' ? 2 : ch === '〇' ? 0 : DIGITS.indexOf(ch)
  }
  return total + (digit ?? 0)
}

/**
 * The number of an article added after these: one more than the last one written as 第…条 (an
 * excerpt of a draft may start at 第八条), else one more than how many there are.
 */
export function nextArticleNumber(numbers: string[]): string {
  for (let i = numbers.length - 1; i >= 0; i--) {
    const m = /^第(.+)条$/.exec(numbers[i].trim())
    const value = m ? numeralValue(m[1]) : null
    if (value !== null) return `第${chineseNumeral(value + 1)}条`
  }
  return `第${chineseNumeral(numbers.length + 1)}条`
}
