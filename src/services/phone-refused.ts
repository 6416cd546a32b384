import { phoneProblem } from '../domain/phone.js'
import { ValidationError } from '../errors.js'

/**
 * A phone number refused wherever it is typed (a form, the roster, her correction): the same words on top and beside
 * the field, which is what the mini-program and the console show (phoneProblem: what she typed, what to type instead).
 */
export function phoneRefused(typed: string): ValidationError {
  const words = phoneProblem(typed)
  return new ValidationError(words, [{ path: 'body.phone', message: words }])
}
