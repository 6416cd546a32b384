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
