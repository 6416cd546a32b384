/**
 * Characters a spreadsheet cell can hold that show as nothing: zero-width spaces and joiners,
 * direction marks, a stray byte-order mark, soft hyphens, Hangul fillers, control characters.
 * They come with text copied from web pages, WeChat and other systems' exports.
 */
const INVISIBLE =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u3164\\uFEFF\\uFFA0'
const EDGES = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g')
const ANY = new RegExp(`[${INVISIBLE}]`, 'g')
const RUNS = new RegExp(`[${INVISIBLE}]+`, 'g')

/** What a clerk reads in place of characters they cannot see, so a quoted cell never looks empty or unchanged. */
export const INVISIBLE_SHOWN = '〔看不见的字符〕'

/**
 * A cell as the clerk sees it: spaces and invisible characters at either end dropped, so a cell
 * holding only a zero-width space is blank (and a blank 值班日期 keeps the stored days).
 */
export const trimCell = (cell: string) => cell.replace(EDGES, '')

/** The text without any invisible character (a heading, where none belongs anywhere). */
export const withoutInvisible = (text: string) => text.replace(ANY, '')

/** A message quoting a cell, its invisible characters named where they are: 日期“2026-〔看不见的字符〕12-01”看不懂. */
export const showInvisible = (message: string) => message.replace(RUNS, INVISIBLE_SHOWN)
