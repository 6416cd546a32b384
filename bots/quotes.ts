/** WeChat's quote (引用) taken apart from her own words, and the message number a quoted notice names. */
import { normalise } from './typed-text.js'

/** WeChat's quote (引用) as text: 「sender：the quoted message」, a line of dashes, then what they wrote. */
const QUOTE = /^「([\s\S]*)」\s*\n[ \t]*(?:-[ \t]*){5,}\n([\s\S]*)$/

/** A quoted message apart from the person's own words; a message without a quote is all their own. */
export function unquote(input: string): { quoted: string | null; own: string } {
  const m = QUOTE.exec(input.trim())
  return m ? { quoted: m[1], own: m[2].trim() } : { quoted: null, own: input }
}

/** The full ticket number a quoted notice names (新留言 20261203-0014 …), if any. */
export function quotedTicket(quoted: string | null | undefined): string | null {
  return (quoted && /(\d{8}-\d{4,})/.exec(quoted)?.[1]) || null
}

/**
 * The ticket of an answer notice she quoted ("您12月4日反映的“路灯不亮”（编号 20261204-0001）有答复了：…", or from an
 * older backend "您的留言 20261204-0001 有答复了：…"): the message a score under it is for.
 */
export function quotedAnswerTicket(quoted: string | null | undefined): string | null {
  const found = quoted && /(?:您的留言\s*(\d{8}-\d{4,})\s*|\(编号\s*(\d{8}-\d{4,})\)\s*)有答复了/.exec(normalise(quoted)) // NFKC: （） are ()
  return (found && (found[1] ?? found[2])) || null
}
