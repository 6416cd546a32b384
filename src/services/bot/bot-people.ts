import { DEPUTY_LOAD_STATUSES, type CaseRecord, type CaseStatus } from '../../domain/case.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import { DEPUTY_IN_HAND_MAX, ticketRef, ticketsEndingIn } from '../../domain/ticket-refs.js'
import { notHisNowSaid } from '../cases/deputy-hand-ons.js'
import { localDate } from '../../domain/dates.js'
import { awayDeputyLine } from '../../domain/deputy-away.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import { BotBindings } from './bot-bindings.js'

export type { BotPeopleDeps, BotPrincipal } from './bot-contacts.js'

/**
 * Her messages one number may name: at most one a day each (numbers start again daily), so this many is
 * years of a resident who writes every day; the chat lists five of them and asks for the whole number.
 */
const NAMED_MAX = 200
/** How far back a short number is looked for among messages taken from a deputy: a notice weeks old is rarely answered. */
const MOVED_LOOKBACK_DAYS = 30
/** How long a message a deputy answered is named to him beside a new one ending in the same four digits (the chat's own memory too). */
const ANSWERED_LATELY_MS = 3 * 24 * 3_600_000
/** His answered messages read for it, newest first: more than three days of answers of anyone's. */
const ANSWERED_READ_MAX = 30

/**
 * The people the bot talks to (bot-contacts.ts), what it binds them to (bot-bindings.ts), and the messages they
 * name in the chat: a resident's own by her number, a deputy's open ones by his, and a deputy's own 暂停接收留言.
 */
export class BotPeople extends BotBindings {
  /**
   * A bound deputy's own 暂停接收留言 as the chat tells him of it: his stations' names (whom to ask to set or change
   * it: staff set it, he cannot), and the mark while it stands, now or ahead (its dates and his workbench's line).
   */
  async deputyAway(personId: string): Promise<{ stations: string[]; away: { from: string; until: string; text: string } | null }> {
    const { deputyId } = await this.deputy(personId)
    const deputy = await this.store.deputies.get(deputyId)
    const stations = await Promise.all((deputy?.stationIds ?? []).map((id) => this.store.stations.get(id)))
    const text = awayDeputyLine(deputy?.away, localDate(this.clock.now(), this.timeZone))
    return {
      stations: stations.flatMap((s) => (s ? [s.name] : [])),
      away: deputy?.away && text ? { from: deputy.away.from, until: deputy.away.until, text } : null,
    }
  }

  /** The resident's own case by the ticket they quote. */
  async residentCase(personId: string, ticket: string): Promise<CaseRecord> {
    const c = await this.store.cases.getByTicket(ticket)
    if (!c || c.residentId !== personId) throw new NotFoundError(`没有找到编号为 ${ticket} 的留言`)
    return c
  }

  /**
   * Her own cases that a number she typed names, however old: the whole number (one, if hers), or its
   * last four digits, which start again at 0001 each day and may name several; newest first. Another
   * person's number names none of hers.
   */
  async residentCasesNamed(personId: string, ref: string): Promise<CaseRecord[]> {
    if (!/^\d{4}$/.test(ref)) {
      const c = await this.store.cases.getByTicket(ref)
      return c && c.residentId === personId ? [c] : []
    }
    return this.store.cases.residentNumbered(personId, [ref], NAMED_MAX)
  }

  /**
   * How she writes each of these tickets of hers in the chat, among all her messages however old: its
   * last four digits, or the whole number when another of hers ends the same (ticketRef).
   */
  async residentRefs(personId: string, tickets: string[]): Promise<Map<string, string>> {
    const numbers = [...new Set(tickets.filter((t) => /-\d{4}$/.test(t)).map((t) => t.slice(-4)))]
    const alike = (await this.store.cases.residentNumbered(personId, numbers, NAMED_MAX)).map((c) => c.ticket)
    return new Map(tickets.map((t) => [t, ticketRef(t, alike)]))
  }

  /**
   * A deputy's open case by its ticket or the last four digits of it, among those of his in `statuses`: the
   * messages he works on (the default), or, for 电话, every one the mini-program's 打电话给群众 reads (OPEN_STATUSES).
   */
  async deputyCase(deputyId: string, ref: string, statuses: readonly CaseStatus[] = DEPUTY_LOAD_STATUSES): Promise<CaseRecord> {
    const named = (c: CaseRecord) => c.ticket === ref || c.ticket.endsWith(`-${ref.padStart(4, '0')}`)
    const page = await this.store.cases.search({ deputyId, statuses: [...statuses], limit: DEPUTY_IN_HAND_MAX, order: 'due' })
    const matches = page.items.filter(named)
    if (matches.length > 1) {
      // Each named in full with its words: the deputy copies the one he means. The words as his notices quote them
      // (deputyGist: phone and ID numbers masked, never cut inside one): this list is no audited phone read.
      const listed = matches.slice(0, 5).map((c) => `· ${c.ticket} ${deputyGist(c.text)}`.trimEnd())
      throw new ConflictError([`您有 ${matches.length} 条待办留言以 ${ref} 结尾：`, ...listed, '请发完整编号。'].join('\n'), [], 'ambiguous_ticket')
    }
    if (matches.length === 1) return matches[0]
    // Not open: one he had, answered or taken back since, is said as it is, not as a wrong number.
    const done = (await this.store.cases.search({ deputyId, limit: 100 })).items.find(named)
    if (done) throw new ConflictError(noLongerOpen(done), [], 'case_not_open')
    // Given to another deputy or handed back since the notice he is answering: told where it went, as his page tells
    // him (notHisNowSaid): handed on by himself, by the colleague's name ("您已转给王芳代表办理").
    const moved = await this.movedFrom(deputyId, ref)
    if (moved) {
      const why = await notHisNowSaid(this.store, this.directory, deputyId, moved, await this.store.cases.events(moved.id), `留言 ${moved.ticket} `)
      throw new ConflictError(why, [], 'case_not_his')
    }
    throw new NotFoundError(`您的待办中没有编号 ${ref}。发送"待办"可以看到您的全部待办和编号。`)
  }

  /**
   * The messages this deputy answered in the last three days, from the chat or his mini-program page, latest answer
   * first: the chat tells a new message ending in the same four digits apart from them.
   */
  async deputyAnsweredLately(deputyId: string): Promise<CaseRecord[]> {
    const since = this.clock.now().getTime() - ANSWERED_LATELY_MS
    const page = await this.store.cases.search({ deputyId, statuses: ['replied', 'closed'], unmerged: true, limit: ANSWERED_READ_MAX, order: 'newest' })
    const answered = page.items.filter((c) => c.repliedAt !== null && c.repliedAt.getTime() >= since)
    return answered.sort((a, b) => b.repliedAt!.getTime() - a.repliedAt!.getTime())
  }

  /** A message's station by name ("轻工街道代表联络站"), whom a deputy asks to add to a sent answer; null when none handles it. */
  async stationName(stationId: string | null): Promise<string | null> {
    return stationId ? ((await this.store.stations.get(stationId))?.name ?? null) : null
  }

  /** The newest message the number names that was once placed with this deputy and is not his now. */
  private async movedFrom(deputyId: string, ref: string): Promise<CaseRecord | null> {
    const short = /^\d{1,4}$/.test(ref) ? ref.padStart(4, '0') : null
    // Newest first: the days' numbers from today back.
    const tickets = short ? ticketsEndingIn(short, localDate(this.clock.now(), this.timeZone), MOVED_LOOKBACK_DAYS) : [ref]
    const held = new Map((await this.store.cases.heldOnceBy(deputyId, tickets)).map((c) => [c.ticket, c]))
    for (const ticket of tickets) {
      const c = held.get(ticket)
      if (c && c.deputyId !== deputyId) return c
    }
    return null
  }
}

/** Why a deputy's message can no longer be acknowledged or answered, in words. */
function noLongerOpen(c: CaseRecord): string {
  // Merged is closed without his answer: said as the mini-program says it, not "您已经答复过了".
  if (c.mergedInto) return `留言 ${c.ticket} 已并入其他留言合并办理，不用再单独办理了。`
  switch (c.status) {
    case 'replied':
    case 'closed':
      return `留言 ${c.ticket} 您已经答复过了，群众已收到答复。如需补充，请联系联络站工作人员。`
    case 'withdrawn':
      return `留言 ${c.ticket} 已被群众撤回，不用再办理了。`
    case 'rejected':
      return `留言 ${c.ticket} 联络站已决定不予受理，不用再办理了。`
    default:
      return `留言 ${c.ticket} 目前不在您的待办中。`
  }
}
