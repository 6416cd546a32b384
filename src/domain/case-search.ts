import { ticketsEndingIn } from './ticket-refs.js'

/**
 * What a person types into the console's search box: a ticket as residents quote it
 * (YYYYMMDD-NNNN or, past a day's 9,999th, -NNNNN; the dash optional) finds that one case; a bare short number (1–4 digits,
 * "0002" or "2") is the number after the date, which residents are told and read out on the
 * phone; anything else is words the message must contain, each of them. Chinese has no spaces
 * between words, so a word here is whatever the person typed between spaces, matched as a substring.
 */
export type CaseSearch = { ticket: string } | { shortNumber: string } | { words: string[] }

/** Shortest and longest search the console accepts (characters, after trimming). */
export const SEARCH_MIN_CHARS = 2
export const SEARCH_MAX_CHARS = 50
/** The text index reads substrings of this many characters; a shorter word is checked row by row. */
export const INDEXED_WORD_CHARS = 3

/**
 * Days back a short number is looked for (today included). Numbers start again at 0001 every
 * day, so "0002" names one message a day; each day's is one seek on the tickets' unique index,
 * where a "…-0002" suffix match would read every case of the scope. Older messages are found by
 * their whole number, and the list says which days were looked at.
 */
export const SHORT_NUMBER_DAYS = 90

// Four digits after the date, five from a day's 10,000th message on (the ticket's number is not cut at 9999).
const TICKET = /^(\d{8})-?(\d{4,5})$/
const SHORT_NUMBER = /^\d{1,4}$/

/** Whether a trimmed query is a short number (a digit is a search of its own, shorter than SEARCH_MIN_CHARS). */
export const isShortNumber = (q: string) => SHORT_NUMBER.test(q.trim())

/** The search a trimmed, non-empty query stands for. */
export function parseCaseSearch(q: string): CaseSearch {
  const ticket = TICKET.exec(q.trim())
  if (ticket) return { ticket: `${ticket[1]}-${ticket[2]}` }
  if (isShortNumber(q)) return { shortNumber: q.trim().padStart(4, '0') }
  // Full-width spaces are what a Chinese keyboard types between words.
  const words = q.split(/[\s\u3000]+/u).filter(Boolean)
  return { words: [...new Set(words)] }
}

/** Whether the trigram index can find this word (three characters or more; by code point, as SQLite counts). */
export const isIndexedWord = (word: string) => [...word].length >= INDEXED_WORD_CHARS

/** The days a short number was looked for, and their tickets, newest first. */
export interface ShortNumberSearch {
  /** Four digits, as tickets end ("2" → "0002"). */
  number: string
  days: number
  /** The oldest and newest local dates looked at (YYYY-MM-DD). */
  since: string
  until: string
  tickets: string[]
}

/** A short number as the tickets of the `days` local dates up to `today` (YYYY-MM-DD). */
export function shortNumberSearch(number: string, today: string, days = SHORT_NUMBER_DAYS): ShortNumberSearch {
  const tickets = ticketsEndingIn(number, today, days)
  const date = (ticket: string) => `${ticket.slice(0, 4)}-${ticket.slice(4, 6)}-${ticket.slice(6, 8)}`
  return { number, days, since: date(tickets.at(-1)!), until: today, tickets }
}

/**
 * What a clerk reads when the number she was given names no message of her station's but one elsewhere (the resident
 * scanned another station's or a deputy's poster): that it exists and is another's, never its content, and what to
 * tell the resident; "没有这个编号" would have her tell the resident a wrong thing. An organizer of some districts or
 * streets (`whose`: 'region') reads the same of a message outside them. `days` for a short number. No office's telephone
 * is said: none is known to the system (neither config nor the directory holds one), and "拨打…的电话" with no number
 * sent her looking for it (review 37).
 */
export function numberElsewhereText(number: string, days: number | null, whose: 'station' | 'region'): string {
  const found = days === null ? `编号为 ${number} 的留言` : `最近 ${days} 天里编号为 ${number} 的留言`
  const [where, notOurs, others] =
    whose === 'station'
      ? ['其他联络站或人大办', '不归本站办理，本站看不到它的内容', '其他联络站']
      : ['您辖区以外的联络站或人大办', '不归您办理，您看不到它的内容', '其他地方的联络站']
  return `${found}在${where}的列表里，${notOurs}。如果群众是扫${others}或代表的二维码留言的，可以请群众联系那个联络站。`
}
