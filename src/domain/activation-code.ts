/**
 * Activation codes as people handle them: printed or sent in a phone message ("K7P2-Q9XM-4TVB") and
 * typed back in any case, with or without the hyphens and spaces. Two codes that read the same are
 * the same code.
 */
export const normalizeActivationCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '')

/** Letters and digits a code needs, hyphens aside: ten of 36 characters is enough against guessing at 5 tries per 15 minutes. */
export const ACTIVATION_CODE_MIN = 10

/**
 * What is wrong with a code an office made up itself, or null: too short, or only digits or only
 * letters (12345678, a phone number, a name), which whoever knows the person could guess.
 */
export function activationCodeProblem(code: string): string | null {
  const letters = normalizeActivationCode(code)
  if (letters.length < ACTIVATION_CODE_MIN) return `激活码太短：去掉“-”后至少要 ${ACTIVATION_CODE_MIN} 位`
  if (!/[A-Z]/.test(letters) || !/\d/.test(letters)) return '激活码要同时有字母和数字：只有数字或只有字母的容易被猜到'
  return null
}

/** Letters and digits a generated code is made of: none that read alike on paper or a phone (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/**
 * A code the system makes up for a person whose activation-code cell was left blank: twelve characters in
 * three groups of four (like the template's example), about 59 bits, and passing the same rule as one an office writes
 * (`activationCodeProblem`). `randomIndex(n)` draws 0..n-1 from a secure source (crypto.randomInt), passed
 * in so that the domain stays free of I/O; `taken` refuses a code already someone's.
 */
export function generateActivationCode(randomIndex: (n: number) => number, taken: (code: string) => boolean = () => false): string {
  for (;;) {
    const letters = Array.from({ length: 12 }, () => CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)]).join('')
    const code = `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8)}`
    if (activationCodeProblem(code) === null && !taken(code)) return code
  }
}
