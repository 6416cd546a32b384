/**
 * 催办 and 督办 of a suggestion's units by the congress office, while they still owe the answer, or while the lead unit
 * owes the report on what it promised (正在解决或列入计划, `following`): each is an entry in the suggestion's timeline
 * (which the deputies read: 已催办), a notice to the units' staff through the outbox, and a line in the audit log. 催办
 * is a reminder (a note may go with it), once a day, as a resident's message is urged; 督办 records what the office asks
 * or did, in its own words. A unit is reached through its staff logins (unit_staff of that unit); a unit with none is
 * said so on the timeline, for the office to telephone (the unit's contact line in the directory).
 */
import { dayText } from '../../domain/dates.js'
import { excerpt } from '../../domain/excerpt.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { promiseDaysLate, promiseLateText, suggestionDueText } from '../../domain/suggestion-due.js'
import { promisedBy, unitIdsOf, type SuggestionRecord } from '../../domain/suggestion.js'
import { ConflictError } from '../../errors.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { officeName } from '../../domain/office-name.js'
import type { Recipient } from '../delivery/outbox-message.js'
import type { SuggestionBook } from './suggestion-book.js'
import { recordSuggestionDecision, type SuggestionAudit } from './suggestion-audit.js'

/**
 * The units that still owe something this round: the lead always, a co-unit until it has given its opinion. After a
 * promise (`following`) only the lead: it alone reports the work done (a co-unit may no longer answer).
 */
export function owingUnitIds(s: SuggestionRecord): string[] {
  const lead = s.assignment!.leadUnit.id
  if (s.status === 'following') return [lead]
  return unitIdsOf(s).filter((u) => u === lead || !s.answers.some((a) => a.unit.id === u && a.round === s.round))
}

export class SuggestionPressing {
  constructor(
    private readonly book: SuggestionBook,
    private readonly audit: SuggestionAudit,
  ) {}

  /** 催办: the owing units' staff are reminded, with the office's note if any; once a business day. */
  async urge(staff: StaffPrincipal, id: string, note?: string): Promise<SuggestionRecord> {
    const s = await this.book.forOffice(staff, id)
    this.book.requireStep('urge', s)
    const now = this.book.clock.now()
    const today = this.book.today(now)
    const earlier = s.timeline.filter((e) => e.action === 'urged' && this.book.today(e.at) === today).at(-1)
    if (earlier)
      throw new ConflictError(
        `这条建议今天已由${earlier.actor.name}催办过，每天只能催办一次，请明天再催办`,
        [{ path: 'urgedBy', message: earlier.actor.name }],
        'already_urged',
      )
    const words = note ? `附言：${excerpt(maskPhoneAndIdNumbers(note), 100)}` : ''
    const { recipients, unitNames, office } = await this.addressees(s)
    const text = `${office}${staff.name}催办代表建议 ${s.number}《${s.title}》：${this.dueWords(s, today)}，${askOf(s)}。${words}`
    const messages = recipients.map((to) => this.book.message(s, to, 'suggestion.urged', text, `urge:${today}:${to.id}`))
    const said = `催办 ${unitNames}：${this.dueWords(s, today)}${words ? `；${words}` : ''}${recipients.length ? '' : unreached}`
    this.book.note(s, this.book.officeActor(staff), 'urged', said, now)
    const saved = await this.book.save(s, messages)
    await recordSuggestionDecision(this.audit, staff, 'suggestion.urged', saved, said)
    return saved
  }

  /** 督办: what the office asks of the units (or did: 电话督办, 现场督办), on the record and told to them. */
  async supervise(staff: StaffPrincipal, id: string, note: string): Promise<SuggestionRecord> {
    const s = await this.book.forOffice(staff, id)
    this.book.requireStep('urge', s)
    const now = this.book.clock.now()
    const today = this.book.today(now)
    const { recipients, unitNames, office } = await this.addressees(s)
    const text = `${office}督办代表建议 ${s.number}《${s.title}》，${this.dueWords(s, today)}。督办意见：${note}`
    const messages = recipients.map((to) => this.book.message(s, to, 'suggestion.supervised', text, `supervise:${now.getTime()}:${to.id}`))
    const said = `督办 ${unitNames}：${note}${recipients.length ? '' : unreached}`
    this.book.note(s, this.book.officeActor(staff), 'supervised', said, now)
    const saved = await this.book.save(s, messages)
    await recordSuggestionDecision(this.audit, staff, 'suggestion.supervised', saved, said)
    return saved
  }

  /**
   * "办理期限 2027年3月6日，已超期 33 天" (还有 12 天, 今天到期): what the units are pressed about, no bracket in a bracket.
   * After a promise, the promised day instead: "承诺2027年6月30日前办完，承诺日期已过 3 天" (还有 12 天, 今天到期).
   */
  private dueWords(s: SuggestionRecord, today: string): string {
    if (s.status === 'following') {
      const by = promisedBy(s)
      if (!by) return '答复正在解决或列入计划，还没有报告办完'
      const late = promiseDaysLate(s, today)
      return `承诺${dayText(by)}前办完，${late ? promiseLateText(late) : suggestionDueText(by, today)}`
    }
    const { deadline } = s.assignment!
    return `办理期限 ${dayText(deadline)}，${suggestionDueText(deadline, today)}`
  }

  private async addressees(s: SuggestionRecord): Promise<{ recipients: Recipient[]; unitNames: string; office: string }> {
    const owing = owingUnitIds(s)
    const a = s.assignment!
    const names = new Map([a.leadUnit, ...a.coUnits].map((u) => [u.id, u.name]))
    const prepared = await this.book.directory.prepared()
    return {
      recipients: await this.book.unitStaff(owing),
      unitNames: owing.map((u) => names.get(u) ?? '').join('、'),
      office: officeName(s.districtId ?? 'city', prepared),
    }
  }
}

/** What the units are asked: the answer, or after a promise the work done and reported. */
const askOf = (s: SuggestionRecord) => (s.status === 'following' ? '请尽快办完，并在“交办建议”里报告办理结果' : '请尽快答复')

/** A unit without a staff login hears nothing: the timeline says so, so the office knows to telephone. */
const unreached = '（承办单位还没有工作人员账号，消息未能送达，请电话联系）'
