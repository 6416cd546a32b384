import { colleagueOrder } from '../../domain/case-transfer.js'
import { deputyLevelLabel } from '../../domain/directory.js'
import { homeDistrictName } from '../../domain/station-district.js'
import { cosignStanding, cosignWords, type CosignRules } from '../../domain/suggestion-cosign.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import { localDate } from '../../domain/dates.js'
import type { SuggestionRecord } from '../../domain/suggestion.js'
import { ConflictError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { SuggestionBook } from './suggestion-book.js'
import type { DeputyActor, SuggestionDrafts } from './suggestion-drafts.js'

const DAY_MS = 86_400_000

/** How many names the picker shows at once: enough to find one, few enough to read on a phone in large text. */
export const COSIGNER_CHOICES_MAX = 20

/** A deputy he may ask to co-sign, as the picker lists him. */
export interface CosignerChoice {
  deputyId: string
  name: string
  /** "市人大代表", "区人大代表" (deputyLevelLabel). */
  levelLabel: string
  /** His home station's name, to tell two of one name apart; null when he has none. */
  stationName: string | null
}

/**
 * 附议: the lead deputy asks colleagues by name (his station's deputies unless he names others), each is told where to
 * answer; they co-sign or decline, and he is told each answer with where co-signing now stands. Any other deputy may
 * still co-sign from 待附议 uninvited. Every notice goes through the outbox (held in quiet hours like any that can wait).
 */
export class SuggestionCosigning {
  constructor(
    private readonly book: SuggestionBook,
    private readonly drafts: SuggestionDrafts,
    private readonly rules: CosignRules,
  ) {}

  async open(deputy: DeputyActor, id: string, days: number, deputyIds?: string[]) {
    const s = await this.drafts.lead(deputy, id)
    this.book.requireStep('open_cosign', s)
    const now = this.book.clock.now()
    const invited = await this.invitees(s, deputyIds)
    s.status = 'cosigning'
    s.cosignUntil = new Date(now.getTime() + days * DAY_MS)
    s.invitees = invited.map((d) => ({ deputyId: d.id, name: d.name, at: now, declinedAt: null }))
    const names = invited.map((d) => d.name).join('、')
    this.book.note(s, this.drafts.actor(s), 'cosign_opened', names ? `征集附议 ${days} 天，请${names}附议` : `征集附议 ${days} 天`)
    const until = spokenDeadline(s.cosignUntil, this.book.timeZone, now)
    const messages = invited.map((d) =>
      this.book.message(
        s,
        { kind: 'deputy', id: d.id },
        'suggestion.cosign_invited',
        // Where to answer, as he finds it: the workbench's 我的待办 lists it until he has answered.
        `${s.deputy.name}代表请您附议代表建议《${s.title}》，${until}可以回复。请打开小程序“代表工作台”，在“我的待办”里点这条建议，选“附议”或“不附议”。`,
        `invited:${d.id}`,
      ),
    )
    return this.book.save(s, messages)
  }

  async cosign(deputy: DeputyActor, id: string) {
    const s = await this.drafts.get(deputy, id)
    if (s.deputy.id === deputy.deputyId) throw new ConflictError('领衔代表不需要附议自己的建议', [], 'own_suggestion')
    this.requireOpen(s)
    if (s.coSigners.some((c) => c.deputyId === deputy.deputyId)) return s
    const now = this.book.clock.now()
    const { ref } = await this.book.deputy(deputy.deputyId)
    s.coSigners.push({ deputyId: ref.id, name: ref.name, at: now })
    this.book.note(s, { role: 'deputy', id: ref.id, name: ref.name }, 'cosigned', `${ref.name}附议`)
    return this.book.save(s, [this.toLead(s, 'suggestion.cosigned', `${ref.name}代表附议了您的建议《${s.title}》。`, ref.id)])
  }

  async withdraw(deputy: DeputyActor, id: string) {
    const s = await this.drafts.get(deputy, id)
    const mine = s.coSigners.find((c) => c.deputyId === deputy.deputyId)
    if (!mine) throw new ConflictError('您还没有附议这条建议', [], 'not_cosigned')
    this.requireOpen(s)
    s.coSigners = s.coSigners.filter((c) => c !== mine)
    this.book.note(s, { role: 'deputy', id: mine.deputyId, name: mine.name }, 'cosign_withdrawn', `${mine.name}撤回附议`)
    const told = this.toLead(s, 'suggestion.cosign_withdrawn', `${mine.name}代表撤回了对您的建议《${s.title}》的附议。`, mine.deputyId)
    return this.drafts.asSeenBy(deputy, await this.book.save(s, [told]))
  }

  /** 不附议: only a deputy asked by name answers so (anyone else simply does not co-sign); a co-signature he gave goes. */
  async decline(deputy: DeputyActor, id: string) {
    const s = await this.drafts.get(deputy, id)
    if (s.deputy.id === deputy.deputyId) throw new ConflictError('领衔代表不需要回复自己的建议', [], 'own_suggestion')
    const invitee = s.invitees.find((i) => i.deputyId === deputy.deputyId)
    if (!invitee) throw new ConflictError('领衔代表没有邀请您附议这条建议，不附议的话不用回复', [], 'not_invited')
    this.requireOpen(s)
    const cosigned = s.coSigners.some((c) => c.deputyId === deputy.deputyId)
    if (invitee.declinedAt && !cosigned) return this.drafts.asSeenBy(deputy, s)
    invitee.declinedAt = this.book.clock.now()
    s.coSigners = s.coSigners.filter((c) => c.deputyId !== deputy.deputyId)
    this.book.note(s, { role: 'deputy', id: invitee.deputyId, name: invitee.name }, 'cosign_declined', `${invitee.name}不附议`)
    const told = this.toLead(s, 'suggestion.cosign_declined', `${invitee.name}代表不附议您的建议《${s.title}》。`, invitee.deputyId)
    return this.drafts.asSeenBy(deputy, await this.book.save(s, [told]))
  }

  /**
   * Whom he may ask by name (邀请附议's picker on his page): deputies in office other than himself, exactly as `open`
   * takes them. Without words, his stations' colleagues (whom 邀请附议 asks when he names nobody); with words, those
   * whose name holds them, his colleagues first, then by level and name. At most COSIGNER_CHOICES_MAX, by name, level
   * and home station only (what a deputy's public card shows). Lead only, while a draft: as `open`.
   */
  async choices(deputy: DeputyActor, id: string, words?: string): Promise<CosignerChoice[]> {
    const s = await this.drafts.lead(deputy, id)
    this.book.requireStep('open_cosign', s)
    const prepared = await this.book.directory.prepared()
    const own = new Set(prepared.deputies.get(s.deputy.id)?.stationIds ?? [])
    const colleague = (d: { stationIds: string[] }) => d.stationIds.some((st) => own.has(st))
    const found = [...prepared.deputies.values()]
      .filter((d) => d.active && d.id !== s.deputy.id && (words ? d.name.includes(words) : colleague(d)))
      .sort((a, b) => Number(colleague(b)) - Number(colleague(a)) || colleagueOrder(a, b))
      .slice(0, COSIGNER_CHOICES_MAX)
    return found.map((d) => ({
      deputyId: d.id,
      name: d.name,
      levelLabel: deputyLevelLabel(d.level, homeDistrictName(d.stationIds, prepared.stations, prepared.regions)),
      stationName: prepared.stations.get(d.stationIds[0] ?? '')?.name ?? null,
    }))
  }

  /** Where co-signing stands now, against the rule: what his page and his notices say. */
  standing(s: SuggestionRecord) {
    return cosignStanding(s, this.rules.minCoSigners, this.book.clock.now())
  }

  private requireOpen(s: SuggestionRecord) {
    this.book.requireStep('cosign', s)
    if (!s.cosignUntil || this.book.clock.now() >= s.cosignUntil) throw new ConflictError('附议时间已过', [], 'cosign_closed')
  }

  /** The lead deputy hears each answer, with where co-signing now stands and, when it does, that he may submit. */
  private toLead(s: SuggestionRecord, kind: string, what: string, who: string): OutboxMessage {
    const st = this.standing(s)
    const next = st.ready ? '要提交，请在小程序“代表工作台—我的建议”里打开这条建议，点“提交建议”。' : ''
    // One notice a day from each colleague about this suggestion, whatever he answers: the first answer of his day is
    // told, and a deputy who co-signs, withdraws and co-signs again all day cannot fill the lead's phone (his page
    // always shows where co-signing stands).
    const day = localDate(this.book.clock.now(), this.book.timeZone)
    return this.book.message(s, { kind: 'deputy', id: s.deputy.id }, kind, `${what}${cosignWords(st)}${next}`, `cosign-answer:${who}:${day}`)
  }

  /**
   * Whom he asks: those he names (in office, not himself: else 422 naming each), or by default the other deputies in
   * office at his stations, his colleagues who know the place.
   */
  private async invitees(s: SuggestionRecord, deputyIds: string[] | undefined): Promise<Array<{ id: string; name: string }>> {
    const prepared = await this.book.directory.prepared()
    if (deputyIds) {
      const unique = [...new Set(deputyIds)]
      const refused = unique.flatMap((id, i) => {
        const d = prepared.deputies.get(id)
        if (id === s.deputy.id) return [{ path: `body.deputyIds[${i}]`, message: '不用邀请自己' }]
        return d?.active ? [] : [{ path: `body.deputyIds[${i}]`, message: '没有这位在任代表' }]
      })
      if (refused.length) throw new UnprocessableError('请重新选择要邀请的代表', refused, 'unknown_deputy')
      return unique.map((id) => ({ id, name: prepared.deputies.get(id)!.name }))
    }
    const own = prepared.deputies.get(s.deputy.id)?.stationIds ?? []
    const ids = [...new Set(own.flatMap((st) => prepared.deputiesByStation.get(st) ?? []))].filter((id) => id !== s.deputy.id)
    return ids.map((id) => ({ id, name: prepared.deputies.get(id)!.name }))
  }
}
