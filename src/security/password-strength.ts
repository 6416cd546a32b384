import { lazy } from '../domain/lazy.js'

/**
 * Whether a password a person chooses is too easy to guess. zxcvbn-ts (a maintained TypeScript port of
 * Dropbox's zxcvbn) estimates how many guesses it takes, from its lists of common passwords, keyboard
 * patterns, sequences, repeats, dates and the person's own details; we refuse fewer than 10^6 guesses
 * (score 0 or 1: "too guessable", the level it calls safe only against throttled online guessing) and
 * every all-digit password (a phone number, a birthday, 12345678), and say why in plain words.
 */

/** zxcvbn's score from which a password is accepted: 2 is at least 10^6 guesses. */
const MIN_SCORE = 2

// The dictionaries are ~2 MB of JavaScript: loaded at the first password chosen, not at every start.
const estimator = lazy(async () => {
  const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')])
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })
})

/** What every refusal asks for, after the reason. */
export const PASSWORD_ADVICE = '请换一个：至少 8 位，字母和数字混用，不要用姓名、账号、电话、生日，也不要用连续或重复的字符'

/** Words for the weakest part zxcvbn found, by its pattern (and dictionary). */
function reasonOf(match: { pattern: string; dictionaryName?: string } | undefined): string {
  switch (match?.pattern) {
    case 'dictionary':
      return match.dictionaryName === 'userInputs' ? '密码里有您的账号或姓名' : '这是很多人都在用的常见密码'
    case 'repeat':
      return '密码里有重复的字符（如 aaaa、1111）'
    case 'sequence':
      return '密码里有连续的字母或数字（如 abcd、1234）'
    case 'spatial':
      return '密码是键盘上挨着的几个键（如 qwerty、1qaz2wsx）'
    case 'date':
    case 'regex':
      return '密码里主要是日期或年份'
    default:
      return '密码太短或太有规律'
  }
}

/**
 * Why `password` is too easy to guess, in words for the person choosing it, or null when it will do.
 * `about`: what anyone who knows the person knows (user name, name), which a password must not be built on.
 */
export async function passwordWeakness(password: string, about: Array<string | null | undefined>): Promise<string | null> {
  if (/^\d+$/.test(password)) return '密码不能全是数字（手机号、生日、12345678 这类最容易被猜到）'
  const inputs = about.filter((s): s is string => !!s && s.trim().length > 0)
  const result = (await estimator()).check(password, inputs)
  if (result.score >= MIN_SCORE) return null
  // The largest part found by a pattern is the one to name ("zhangli2026": the name, not the year).
  const weakest = [...result.sequence].filter((m) => m.pattern !== 'bruteforce').sort((a, b) => b.token.length - a.token.length || a.guesses - b.guesses)[0]
  return reasonOf(weakest as { pattern: string; dictionaryName?: string } | undefined)
}
