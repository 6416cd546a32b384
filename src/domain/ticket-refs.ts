/**
 * How many of a deputy's open messages a short number is read among: the notice that names it, his
 * "待办" list and his "受理 0001" all look at the same ones, so the number a notice gives is the
 * number that acts on that message.
 */
export const DEPUTY_IN_HAND_MAX = 200

/**
 * How a person writes a message's number in the chat: its last four digits (20261122-0042 → 0042),
 * or the whole number when another of the messages they deal with ends the same — numbers start
 * again at 0001 every day, and a short number naming two messages would act on the wrong one.
 */
export function ticketRef(ticket: string, among: Iterable<string>): string {
  if (!/-\d{4}$/.test(ticket)) return ticket
  const short = ticket.slice(-4)
  for (const other of among) if (other !== ticket && other.endsWith(`-${short}`)) return ticket
  return short
}

/** The numbers the last four digits name over the `days` local dates up to `today` (YYYY-MM-DD), newest first. */
export function ticketsEndingIn(ref: string, today: string, days: number): string[] {
  const start = Date.parse(`${today}T00:00:00Z`)
  return Array.from({ length: days }, (_, i) => `${new Date(start - i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}-${ref}`)
}

/**
 * The numbers of a list sent to one person, all written one way: the last four digits, or every one whole when any two
 * of the messages a short number is read among (`among`: all his open ones) end alike. Whole only where needed read as
 * two kinds of number in one message ("0042" beside "20261122-0017"), and the list the next message showed changed
 * form again; his 待办 and his 每日摘要, read among the same messages, write them the same way.
 */
export function listTicketRefs(among: Iterable<string>): (ticket: string) => string {
  const seen = new Set<string>()
  let alike = false
  for (const ticket of new Set(among)) {
    if (!/-\d{4}$/.test(ticket)) continue
    const short = ticket.slice(-4)
    if (seen.has(short)) alike = true
    seen.add(short)
  }
  return (ticket) => (alike || !/-\d{4}$/.test(ticket) ? ticket : ticket.slice(-4))
}
