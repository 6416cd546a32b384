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
