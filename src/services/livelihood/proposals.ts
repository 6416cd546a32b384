import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { collectionRefusal, managedOffices, proposalLimitText, type LivelihoodCycle, type LivelihoodProposal } from '../../domain/livelihood.js'
import { maskPersonalData } from '../../domain/pii-mask.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { Uploads } from '../cases/uploads.js'
import { stationPlaces } from '../directory/station-places.js'
import type { LivelihoodScope } from './livelihood-scope.js'

export interface ProposalInput {
  title: string
  description: string
  place: string
  reason: string
  photos: string[]
  /** The consent text's version the person agreed to (the cycle's 征集须知). */
  consentVersion: string
}

/** What a person agrees to before proposing: shown with the cycle, its version sent back. */
export const PROPOSAL_CONSENT = {
  version: 'lp-2026-1',
  text: '您提出的项目建议将由人大常委会办公室整理，可能与其他建议合并，列为候选项目后交人大代表票决；项目名称和内容可能公开，您的姓名和联系方式不会公开。',
}

/**
 * 群众提: residents propose from the mini-program in the collection window (a few each per
 * cycle), deputies from their stations; each proposer follows their proposals' state in words.
 */
export class LivelihoodProposals {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'directory' | 'deputies'>,
    private readonly scope: LivelihoodScope,
    private readonly clock: Clock,
    private readonly settings: { maxProposalsPerPerson: number },
    private readonly uploads: Pick<Uploads, 'checkAttachments' | 'keep' | 'release'>,
  ) {}

  /** Cycles a person may read in the mini-program: every office's, newest first. */
  async openCycles(): Promise<LivelihoodCycle[]> {
    return this.store.livelihood.listCycles()
  }

  /** The new proposal with its cycle (the answer names the year it went to). */
  async propose(user: MpPrincipal, cycleId: string, input: ProposalInput): Promise<{ proposal: LivelihoodProposal; cycle: LivelihoodCycle }> {
    const cycle = await this.store.livelihood.getCycle(cycleId)
    if (!cycle) throw new NotFoundError('民生实事年度不存在')
    // A photo is one the person uploaded themselves (POST /api/mp/uploads), never any address.
    this.uploads.checkAttachments(input.photos, user.id, 'photos')
    const now = this.clock.now()
    const refusal = collectionRefusal(cycle, now)
    if (refusal) throw new ConflictError(refusal, [], 'collection_closed')
    if (input.consentVersion !== PROPOSAL_CONSENT.version)
      throw new ConflictError('征集须知已更新，请重新阅读后送出', [{ path: 'body.consentVersion', message: PROPOSAL_CONSENT.version }], 'consent_outdated')
    let stationId: string | null = null
    if (user.deputyId) stationId = await this.deputyStation(user.deputyId, cycle)
    const who = user.deputyId ? { deputyId: user.deputyId } : { mpUserId: user.id }
    // Read first only so that a proposal already over the cap keeps its photos unattached; the cap itself
    // is held in the write below, where two quick submissions for the last place cannot both pass.
    const allowed = this.settings.maxProposalsPerPerson
    if ((await this.store.livelihood.countProposalsBy(who, cycleId)) >= allowed) throw new ConflictError(proposalLimitText(allowed), [], 'proposal_limit')
    const proposal: LivelihoodProposal = {
      id: `lpp-${randomUUID().slice(0, 8)}`,
      cycleId,
      mpUserId: user.deputyId ? null : user.id,
      deputyId: user.deputyId,
      stationId,
      ...input,
      status: 'submitted',
      projectId: null,
      note: '',
      createdAt: now,
      updatedAt: now,
    }
    // Attached after every refusal and just before the proposal is written: a refused proposal's
    // photos stay unattached, and the unattached-uploads job deletes them a day later. The hold names this write
    // alone: a second submission of the same photos in the same millisecond cannot let go of the first one's.
    const hold = randomUUID()
    await this.uploads.keep(input.photos, now, 'photos', hold)
    try {
      // The stage checked again in the write: 提交代表票决 pressed since the window was read ends collection before it.
      return { proposal: await this.store.livelihood.createProposal(proposal, { perPerson: allowed, collecting: true }), cycle }
    } catch (err) {
      // Refused inside the write (a second submission racing for her last place, or the ballot started meanwhile): nothing
      // was stored, so its photos are let go again, to be deleted as any photo never sent. Other failures may have
      // written it: kept.
      if (err instanceof StoreConflict && (err.conflict === 'proposal_limit' || err.conflict === 'collection_closed'))
        await this.uploads.release(input.photos, hold)
      throw err
    }
  }

  /** The person's own proposals with the candidate each became part of. */
  async mine(user: MpPrincipal) {
    const proposals = await this.store.livelihood.listProposalsBy(user.deputyId ? { deputyId: user.deputyId } : { mpUserId: user.id })
    return Promise.all(
      proposals.map(async (p) => ({
        proposal: p,
        project: p.projectId ? await this.store.livelihood.getProject(p.projectId) : null,
        cycle: await this.store.livelihood.getCycle(p.cycleId),
      })),
    )
  }

  /**
   * Staff: a cycle's proposals, for curation. Those who only follow the cycle (a station's
   * staff, another district's organizer) read residents' words with ID and phone numbers,
   * house numbers and names masked, and no photos (a face or a door names her as well as a number): they
   * curate nothing, so they need no way to reach anyone.
   */
  async forCycle(staff: StaffPrincipal, cycleId: string): Promise<LivelihoodProposal[]> {
    const cycle = await this.scope.visible(staff, cycleId)
    const proposals = await this.store.livelihood.listProposals(cycleId)
    const managed = managedOffices(staff)
    if (!managed || managed.includes(cycle.office)) return proposals
    return proposals.map((p) => ({
      ...p,
      title: maskPersonalData(p.title),
      description: maskPersonalData(p.description),
      place: maskPersonalData(p.place),
      reason: maskPersonalData(p.reason),
      note: maskPersonalData(p.note),
      photos: [],
    }))
  }

  /** A deputy proposes from their station: for the city's cycle, or their own district's. */
  private async deputyStation(deputyId: string, cycle: LivelihoodCycle): Promise<string | null> {
    const deputy = await this.store.deputies.get(deputyId)
    if (!deputy) throw new ForbiddenError('此功能仅限已绑定的人大代表使用', 'not_a_deputy')
    if (cycle.office === 'city') return deputy.stationIds[0] ?? null
    const { stationDistrict } = await stationPlaces(this.store)
    const station = deputy.stationIds.find((s) => stationDistrict.get(s) === cycle.office)
    if (!station) throw new ForbiddenError('您所在的联络站不属于该区县', 'outside_scope')
    return station
  }
}
