/** WeChat's quote (引用) taken apart from her own words, and the message number a quoted notice names. */
import { normalise } from './typed-text.js'

/** WeChat's quote (引用) as text: 「sender：the quoted message」, a line of dashes, then what they wrote. */
const QUOTE = /^「([\s\S]*)」\s*\n[ \t]*(?:-[ \t]*){5,}\n([\s\S]*)$/

/** A quoted message apart from the person's own words; a message without a quote is all their own. */
export function unquote(input: string): { quoted: string | null; own: string } {
  const m = QUOTE.exec(input.trim())
  return m ? { quoted: m[1], own: m[2].trim() } : { quoted: null, own: input }
}

/**
 * The messages a quote names: full numbers (新留言 20261203-0014 …) and the short ones of a list's lines, each once (a
 * short number that ends a full one quoted is that one).
 */
export function quotedTickets(quoted: string | null | undefined): string[] {
  if (!quoted) return []
  const full = [...new Set([...quoted.matchAll(/\d{8}-\d{4,}/g)].map((m) => m[0]))]
  // 【0014】 as 待办 writes it, "1. 0014" as the morning digest does.
  const short = [...quoted.matchAll(/(?:【|^[ \t]*\d{1,2}\.[ \t]*【?)(\d{4})(?=】|\s)/gm)]
    .map((m) => m[1])
    .filter((s) => !full.some((t) => t.endsWith(`-${s}`)))
  return [...full, ...new Set(short)]
}

/** Whether a quote names any message by its full number (a case notice, or a list of them). */
export const quotesACase = (quoted: string | null | undefined) => quotedTickets(quoted).some((t) => t.includes('-'))

/**
 * The full ticket number of the one message a quoted notice names, if any. A quoted list of several (his 待办, the
 * morning digest) names none: what he writes under it could be for any of them.
 */
export function quotedTicket(quoted: string | null | undefined): string | null {
  const named = quotedTickets(quoted)
  return named.length === 1 && named[0].includes('-') ? named[0] : null
}

/**
 * The ticket of an answer notice she quoted ("您12月4日反映的“路灯不亮”（编号 20261204-0001）有答复了：…", or from an
 * older backend "您的留言 20261204-0001 有答复了：…"): the message a score under it is for.
 */
export function quotedAnswerTicket(quoted: string | null | undefined): string | null {
  const found = quoted && /(?:您的留言\s*(\d{8}-\d{4,})\s*|\(编号\s*(\d{8}-\d{4,})\)\s*)有答复了/.exec(normalise(quoted)) // NFKC: （） are ()
  return (found && (found[1] ?? found[2])) || null
}
