/**
 * What a person types into the console's search box: a ticket as residents quote it
 * (YYYYMMDD-NNNN, the dash optional) finds that one case; anything else is words the
 * message must contain, each of them. Chinese has no spaces between words, so a word here
 * is whatever the person typed between spaces, matched as a substring.
 */
export type CaseSearch = { ticket: string } | { words: string[] }

/** Shortest and longest search the console accepts (characters, after trimming). */
export const SEARCH_MIN_CHARS = 2
export const SEARCH_MAX_CHARS = 50
/** The text index reads substrings of this many characters; a shorter word is checked row by row. */
export const INDEXED_WORD_CHARS = 3

const TICKET = /^(\d{8})-?(\d{4})$/

/** The search a trimmed, non-empty query stands for. */
export function parseCaseSearch(q: string): CaseSearch {
  const ticket = TICKET.exec(q.trim())
  if (ticket) return { ticket: `${ticket[1]}-${ticket[2]}` }
  // Full-width spaces are what a Chinese keyboard types between words.
  const words = q.split(/[\s\u3000]+/u).filter(Boolean)
  return { words: [...new Set(words)] }
}

/** Whether the trigram index can find this word (three characters or more; by code point, as SQLite counts). */
export const isIndexedWord = (word: string) => [...word].length >= INDEXED_WORD_CHARS
