/**
 * The first `max` characters of a text and "…" when there was more: how a notice or an audit line quotes
 * a reason, a note or an answer without repeating it whole. Characters are counted as people see them,
 * so an emoji is never cut in half. Nothing more (no clause ends, no masking): for a resident's message
 * named in a notice see messageGist and firstWords. Pure, imports nothing.
 */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}
