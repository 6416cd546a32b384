import { z } from 'zod'

/**
 * Characters no one types on purpose and that make stored text lie: C0 controls (NUL, BEL,
 * ESC …), DEL, C1 controls, and the bidirectional overrides, embeddings and isolates
 * (U+202E turns "txt.exe" round on screen). Zero-width joiners stay: emoji need them.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
/** The same, but line breaks and tabs are text in a long message. */
const INVISIBLE_IN_LONG_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

export const INVISIBLE_MESSAGE = '含有不可见的控制字符，请删去后重新输入'

/** True when the text holds a character that `singleLine` refuses. */
export const hasInvisible = (text: string) => INVISIBLE.test(text)

/** Removes what a long text must not hold, keeping line breaks (CRLF becomes LF) and tabs. */
export const stripInvisible = (text: string) => text.replace(/\r\n?/g, '\n').replace(INVISIBLE_IN_LONG_TEXT, '')

/**
 * One line typed by a person (a name, a title, a reason): trimmed, and refused with a
 * plain message when it holds control or direction characters. Chain min/max after it.
 */
export const singleLine = () =>
  z
    .string()
    .trim()
    .refine((s) => !hasInvisible(s), INVISIBLE_MESSAGE)

/**
 * Text over several lines (a message, a reply, a description): line breaks kept, invisible
 * characters quietly removed, since refusing a resident's long message for a stray one
 * would lose it. Trimmed. `max` counts what is kept.
 */
export const longText = () => z.string().overwrite(stripInvisible).trim()

/** A line from another system we cannot send back (a WeChat nickname): invisible characters removed, not refused. */
export const cleanedLine = () =>
  z
    .string()
    .overwrite((s) => s.replace(new RegExp(INVISIBLE.source, 'gu'), ''))
    .trim()

/** An identifier from another system (a WeChat contact id, a message id): no controls at all. */
export const opaqueId = () => z.string().refine((s) => !hasInvisible(s), '编号含有不可见的控制字符')

/**
 * What shows nothing on its own: spaces of every kind, the zero-width and other default-ignorable
 * characters (U+200B, U+200D, U+FEFF, U+3164 …), the blank braille cell. Inside text they stay (an
 * emoji family is joined by U+200D), but text made of nothing else is empty to whoever reads it: a
 * quiz option of one U+200B is a blank button.
 */
const SHOWS_NOTHING = /[\s\p{Default_Ignorable_Code_Point}\u2800]/gu

/** True when the text would show nothing on screen (empty, spaces, zero-width characters only). */
export const isBlank = (text: string) => text.replace(SHOWS_NOTHING, '') === ''

/** A required line with the usual messages: "标题不能为空", "标题最多 100 字". Zero-width characters alone are empty. */
export const requiredLine = (max: number, label: string) =>
  singleLine()
    .refine((s) => !isBlank(s), `${label}不能为空`)
    .max(max, `${label}最多 ${max} 字`)

/** Required text over several lines, with the same messages. */
export const requiredText = (max: number, label: string) =>
  longText()
    .refine((s) => !isBlank(s), `${label}不能为空`)
    .max(max, `${label}最多 ${max} 字`)
