import { canTransition, type CaseRecord } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import { refusalText } from '../../domain/case-refusals.js'
import { colleagueOrder, transferRefusal } from '../../domain/case-transfer.js'
import { handUpDistrict, mayHandUp } from '../../domain/case-staff-actions.js'
import { deputyLevelLabel, type DeputyLevel } from '../../domain/directory.js'
import { GONE } from '../../domain/choice-words.js'
import { officeName, organizerOfficeName, shortOfficeName } from '../../domain/office-name.js'
import { urgedByWords } from '../../domain/deputy-case-words.js'
import { staffScope } from '../../domain/staff-scope.js'
import { districtOf } from '../../domain/station-district.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../errors.js'
import { localDate } from '../../domain/dates.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { replyByInstant, replyByRefusal, rulesReplyDueAt } from '../../domain/reply-deadline.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { deputyActor, queueOf, resident, staffActor, toDeputy, WORK_KINDS, type Recipient } from './case-changes.js'
import { caseCards } from './case-cards.js'
import { CaseMechanics, illegalMove, inactiveDeputy } from './case-mechanics.js'

/**
 * How holder_changed ends for each move: when she saw the holder (`seenAt`) and what became of hers (`after`). The case
 * page's dialogs keep what she chose and wrote; 批量分派 names the message in its list of what did not go.
 */
const ASSIGN_KEPT = { seenAt: '您打开时', after: '，请看一下再决定。您选的代表和写的话还在，没有提交' }
const HAND_UP_KEPT = { seenAt: '您打开时', after: '，请看一下再决定。您写的上报原因还在，没有提交' }
const TOGETHER_KEPT = { seenAt: '您选的时候', after: '，这次没有分派' }

/** Where a message handed back goes: its station's queue, or its office's when no station holds it. */
export interface TransferBack {
  kind: 'station' | 'office'
  name: string
}

/** 转给谁: back first, then the colleagues who may take it over, in the order he reads them. */
export interface TransferOptions {
  back: TransferBack
  /** `levelLabel`: as people say it at this station (deputyLevelLabel: 区人大代表 in a 区). */
  colleagues: Array<{ code: string; name: string; level: DeputyLevel; levelLabel: string; stationName: string }>
}

/**
 * Who handles a message: staff assign it to a deputy (分派) and station staff hand it up to their
 * office (上报); the deputy who holds it hands it on to a colleague or back to its station (转交),
 * choosing from transferOptions. Made as every move is (case-mechanics.ts); the loop's other steps
 * are in case-workflow.ts.
 */
export class CasePlacing extends CaseMechanics {
  // ——— the deputy who holds it ———

  /** To another deputy (by code), or back to the station's staff when no code is given. */
  async transfer(deputy: MpPrincipal, caseId: string, to: { deputyCode?: string | null; reason: string }) {
    const c = await this.deputyCase(deputy, caseId)
    if (!to.deputyCode) {
      return this.apply(c, deputyActor(deputy), {
        action: 'returnToStation',
        type: 'transferred',
        to: 'submitted',
        note: to.reason,
        // The station gets its own time to place it again, as at a hand-up: the deputy's round is over.
        patch: {
          deputyId: null,
          acknowledgedAt: null,
          ...(await this.freshAck(c)),
        },
        data: { fromDeputyId: c.deputyId, toStation: c.stationId },
        // Read in the station's group: the reason (which may quote the resident) stays in the timeline.
        tell: [{ to: queueOf(c), kind: 'case.queued', text: `留言 ${c.ticket} 由代表退回，请登录工作台查看原因并重新分派。` }],
      })
    }
    const target = await this.store.deputies.getByCode(to.deputyCode)
    if (!target) throw new UnprocessableError('未找到该代表', [{ path: 'body.deputyCode', message: `代表代码 ${to.deputyCode} 不存在` }], 'unknown_deputy')
    switch (transferRefusal(c, target)) {
      case 'inactive':
        throw inactiveDeputy('body.deputyCode', target.name)
      case 'holder':
        throw new ConflictError('留言已在该代表名下')
      case 'other_station': {
        const station = await this.stationName(c.stationId)
        throw new ForbiddenError(`只能转交给${station}的代表，或交回${station}`, 'outside_scope', [
          { path: 'body.deputyCode', message: `${target.name}代表不是${station}的代表` },
        ])
      }
    }
    return this.moveTo(c, deputyActor(deputy), target.id, target.stationIds, to.reason)
  }

  /**
   * Whom the deputy may hand the message to now (转给谁): back to its station (or its office)
   * first, then the deputies `transfer` accepts, by level and name. Read as the deputy's other
   * reads are: only a message he holds, "not found" otherwise.
   */
  async transferOptions(deputy: MpPrincipal, caseId: string): Promise<TransferOptions> {
    const c = await this.load(caseId)
    if (!canSeeCase(deputy, c, true)) throw new NotFoundError('留言不存在')
    // Nobody takes over a message that may not be handed on now (answered, with a department): say why, as 转交 would.
    if (!canTransition('returnToStation', c.status)) throw illegalMove(refusalText('returnToStation', c), c)
    const prepared = await this.directory.prepared()
    const back: TransferBack = c.stationId
      ? { kind: 'station', name: await this.stationName(c.stationId) }
      : { kind: 'office', name: officeName(c.officeRegionId ?? 'city', prepared) }
    // The store, not the cached directory: the same deputies the transfer then reads.
    const serving = c.stationId ? await this.store.deputies.listByStation(c.stationId) : []
    const district = prepared.regions.get(districtOf(prepared.stations.get(c.stationId ?? '')?.regionIds[0], prepared.regions) ?? '')?.name
    const colleagues = serving
      .filter((d) => transferRefusal(c, d) === null)
      .sort(colleagueOrder)
      .map((d) => ({ code: d.code, name: d.name, level: d.level, levelLabel: deputyLevelLabel(d.level, district), stationName: back.name }))
    return { back, colleagues }
  }

  private async stationName(stationId: string | null) {
    return (stationId && (await this.directory.prepared()).stations.get(stationId)?.name) || '联络站'
  }

  // ——— station staff and organizers ———

  /**
   * `seenDeputyId`: the deputy she saw holding it when she chose (null: nobody). When another move
   * changed that meanwhile (the deputy handed it on, someone else assigned it), nothing is taken from
   * whoever holds it now without her seeing it: 409 holder_changed says who moved it where. `replyBy`: 要求答复日期, a
   * reply deadline earlier than the rules' that the deputy is held to from now on (a 400 in words when it may not be:
   * replyByRefusal); without it the reply deadline stands as it was. `together`: one of 批量分派's, whose holder_changed
   * is said as a line of its answer (这次没有分派), not as the case page's dialog.
   */
  async assign(
    staff: StaffPrincipal,
    caseId: string,
    deputyId: string,
    note?: string,
    seenDeputyId?: string | null,
    options: { replyBy?: string; together?: boolean } = {},
  ) {
    const c = await this.staffCase(staff, caseId)
    const replyDueAt = options.replyBy ? await this.replyByOf(c, options.replyBy) : undefined
    if (seenDeputyId !== undefined && (c.deputyId ?? null) !== seenDeputyId)
      throw await this.holderChanged(c, seenDeputyId, options.together ? TOGETHER_KEPT : ASSIGN_KEPT)
    const target = await this.store.deputies.get(deputyId)
    if (!target) throw new UnprocessableError('代表不存在', [{ path: 'body.deputyId', message: GONE.deputy }], 'unknown_deputy')
    if (!target.active) throw inactiveDeputy('body.deputyId', target.name)
    // Writes are held to the same scope as reads: staff assign within their stations,
    // a district organizer within their districts; refused before anything changes.
    const mine = await this.stationsInScope(staff, target.stationIds)
    if (!mine.length && staffScope(staff).kind !== 'city') {
      throw new ForbiddenError(staff.role === 'station_staff' ? '只能分派给本站的代表' : '只能分派给本辖区的代表', 'outside_scope', [
        { path: 'body.deputyId', message: staff.role === 'station_staff' ? `${target.name}代表不是本站的代表` : `${target.name}代表不在您的辖区` },
      ])
    }
    if (target.id === c.deputyId) throw new ConflictError('留言已在该代表名下')
    return this.moveTo(c, staffActor(staff), target.id, mine, note ?? null, replyDueAt, await this.staffWho(staff))
  }

  /** Staff as a deputy knows them: "联络站李娜", an organizer by her office's name ("湛河区人大常委会办公室孙丽"). */
  private async staffWho(staff: StaffPrincipal) {
    const prepared = await this.directory.prepared()
    const office = staff.role === 'organizer' ? organizerOfficeName(prepared.regions.get(staff.regionIds[0] ?? ''), prepared.index.officeName) : null
    return urgedByWords(staff.role, staff.name, office)
  }

  /** The instant a 要求答复日期 ends, once it is a day that may be asked for (replyByRefusal); a 400 in words otherwise. */
  private async replyByOf(c: CaseRecord, date: string): Promise<Date> {
    const calendar = await this.calendar.current()
    const refusal = replyByRefusal(date, {
      today: localDate(this.clock.now(), this.policy.timeZone),
      rulesDueAt: rulesReplyDueAt(c),
      timeZone: this.policy.timeZone,
      workingDay: calendar.isWorkingDay(date),
    })
    if (refusal) throw new ValidationError(refusal, [{ path: 'body.replyBy', message: refusal }])
    return replyByInstant(date, this.policy.timeZone)
  }

  /**
   * Who holds it now instead of the deputy she saw, and who made that move, in words (409 holder_changed). `kept`: when
   * she saw it, and what of hers is still in the dialog, unsent (分派's chosen deputy and words; 上报's reason).
   */
  private async holderChanged(c: CaseRecord, seenDeputyId: string | null, kept: { seenAt: string; after: string }) {
    const deputies = (await this.directory.prepared()).deputies
    const name = (id: string | null) => (id ? `${deputies.get(id)?.name ?? ''}代表` : '')
    const [seen, now] = [name(seenDeputyId), name(c.deputyId ?? null)]
    const moved = (await this.store.cases.events(c.id)).filter((e) => e.type === 'assigned' || e.type === 'transferred').at(-1)
    const byDeputy = moved?.actorRole === 'deputy' && moved.actorId === seenDeputyId
    const words = !c.deputyId
      ? `这条留言刚刚已由${seen || '别人'}退回联络站，不在代表手里了`
      : byDeputy
        ? `这条留言刚刚已由${seen}转交给${now}`
        : seen
          ? `这条留言刚刚已改由${now}办理（${kept.seenAt}是${seen}）`
          : `这条留言刚刚已分派给${now}`
    return new ConflictError(`${words}${kept.after}`, [{ path: 'body.fromDeputyId', message: c.deputyId ?? '' }], 'holder_changed')
  }

  /**
   * Station staff hand a case they cannot place (a station with no deputy yet, or not
   * theirs to handle) up to their district's congress office (上报), whose organizers
   * assign it to any deputy of the district. The place stays the resident's. A deputy who
   * holds it and has not answered yet gives it up with it (TRANSITIONS.handUp) and is told.
   * `seenDeputyId`: the deputy she saw holding it (null: nobody), checked as 分派 checks it:
   * nothing is taken from a deputy she did not see holding it (409 holder_changed).
   */
  async handUp(staff: StaffPrincipal, caseId: string, reason: string, seenDeputyId?: string | null) {
    const c = await this.staffCase(staff, caseId)
    if (!mayHandUp(staff.role, c)) throw new ForbiddenError('只有联络站工作人员可以上报本站的留言')
    if (!canTransition('handUp', c.status)) throw illegalMove(refusalText('handUp', c), c)
    if (seenDeputyId !== undefined && (c.deputyId ?? null) !== seenDeputyId) throw await this.holderChanged(c, seenDeputyId, HAND_UP_KEPT)
    const office = handUpDistrict(c)
    const prepared = await this.directory.prepared()
    const station = prepared.stations.get(c.stationId!)?.name ?? '联络站'
    const officeFull = officeName(office ?? 'city', prepared)
    const officeShort = shortOfficeName(officeFull)
    const to: Recipient = { kind: 'office', id: office ?? 'city' }
    // She hears once, plainly, that her message went on to the office and that the day she was given stands: never the
    // reason (staff's words about it, perhaps about her) nor who held it.
    const replyBy = residentDueDateText(rulesReplyDueAt(c), this.policy.timeZone, this.clock.now())
    const residentTold = resident(
      c,
      'case.handed_up',
      `${this.yours(c)}已转交${officeFull}办理，将由${officeShort}安排代表，会在${replyBy}答复您。`,
      caseCards.handedUp(officeShort),
    )
    // The deputy who held it finds it gone from his list: he hears where it went, as at 改派 (the reason may quote
    // the resident and stays in the timeline), once he has heard of it at all.
    const holderTold =
      c.deputyId && (await this.heardOf(c, c.deputyId))
        ? [
            toDeputy(
              c.deputyId,
              'case.reassigned',
              `留言 ${c.ticket} 已由${station}上报${officeShort}，改由${officeShort}安排办理，您无需再处理。谢谢您！`,
              caseCards.handedUpFromYou(officeShort),
            ),
          ]
        : []
    return this.apply(c, staffActor(staff), {
      action: 'handUp',
      type: 'referred',
      to: 'submitted',
      note: reason,
      // The office gets its own day to place it.
      patch: {
        stationId: null,
        deputyId: null,
        officeRegionId: office,
        handlingDistrictId: office,
        acknowledgedAt: null,
        ...(await this.freshAck(c)),
      },
      data: { fromStationId: c.stationId, toOffice: office ?? 'city', ...(c.deputyId ? { fromDeputyId: c.deputyId } : {}) },
      // Read in the office's group chat: no word of the resident's text, nor of a reason that may quote it.
      tell: [
        { to, kind: 'case.queued', text: `留言 ${c.ticket}（${c.topic}）由${station}上报，请登录工作台查看原因并分派代表。` },
        ...holderTold,
        residentTold,
      ],
      // Reminders, reports and a 催办 still waiting are no longer true. His 分派 notice waiting is dropped when its turn
      // comes (no longer his: message-truth.ts), and he is told nothing above unless he had heard of it.
      withdraw: WORK_KINDS.filter((kind) => kind !== 'case.assigned'),
    })
  }
}
