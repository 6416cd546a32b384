import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { GONE } from '../../domain/choice-words.js'
import { notTakenUpWords, type LivelihoodCycle, type LivelihoodProject, type LivelihoodProposal } from '../../domain/livelihood.js'
import { unitOutOfScope } from '../../domain/unit-scope.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { LivelihoodScope } from './livelihood-scope.js'
import { byProposer, proposerKey, proposerOf } from './proposal-notices.js'

export interface CandidateInput {
  title: string
  description: string
  place: string
  costWan: number
  unitId: string
  proposalIds: string[]
}

/** A correction: the fields changed, and the version of the candidate its writer read (LivelihoodProject.version), if she says. */
export type CandidatePatch = Partial<CandidateInput> & { version?: number }

/**
 * Curation (梳理): staff merge proposals into candidate projects with a cost, a responsible
 * unit and a place, or say why one is not taken up. Every proposer is told what became of
 * theirs, in the same write.
 */
export class LivelihoodCandidates {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'units'>,
    private readonly scope: LivelihoodScope,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  async create(staff: StaffPrincipal, cycleId: string, input: CandidateInput): Promise<LivelihoodProject> {
    const cycle = await this.curating(staff, cycleId)
    const now = this.clock.now()
    const project: LivelihoodProject = {
      id: `lpj-${randomUUID().slice(0, 8)}`,
      cycleId,
      title: input.title,
      description: input.description,
      place: input.place,
      costWan: input.costWan,
      unitId: await this.unit(staff, input.unitId),
      proposalIds: [],
      status: 'candidate',
      votes: null,
      version: 0,
      createdAt: now,
      updatedAt: now,
    }
    const saved = await this.takeIn(cycle, project, input.proposalIds, true)
    await this.audit.record(staff, 'livelihood.candidate_created', { kind: 'livelihood_project', id: project.id }, { proposals: input.proposalIds })
    return saved
  }

  /**
   * Corrects a candidate; a new list of proposals takes in the new ones and lets go of those left out. Written only over
   * the version read (the one its writer saw, when she says which, else the one read here), checked in the write: of
   * two corrections racing, the second is refused (409 stale_candidate) instead of putting back what the first changed
   * (the fields it kept from its read, the proposals it listed then).
   */
  async update(staff: StaffPrincipal, projectId: string, patch: CandidatePatch): Promise<LivelihoodProject> {
    const current = await this.store.livelihood.getProject(projectId)
    if (!current) throw new NotFoundError('候选项目不存在')
    const cycle = await this.curating(staff, current.cycleId)
    const { proposalIds, version: seen, ...fields } = patch
    const read = current.version ?? 0
    if (seen !== undefined && seen !== read) throw staleCandidate(current, read)
    const next: LivelihoodProject = { ...current, ...fields, version: read + 1, updatedAt: this.clock.now() }
    if (patch.unitId) next.unitId = await this.unit(staff, patch.unitId)
    const saved = await this.takeIn(cycle, next, proposalIds ?? current.proposalIds, false, read)
    const changed = Object.keys(patch).filter((k) => k !== 'version')
    await this.audit.record(staff, 'livelihood.candidate_updated', { kind: 'livelihood_project', id: projectId }, { fields: changed })
    return saved
  }

  /**
   * Takes a candidate off the year before the ballot (撤回). Without a note its proposals go back to be sorted
   * (待梳理): their proposers hear at the next decision, which the ballot waits for. With one they are not taken up,
   * and each proposer is told why, once, naming hers. Once 提交代表票决 has been made: 409 curation_closed.
   */
  async withdraw(staff: StaffPrincipal, projectId: string, note?: string): Promise<{ project: LivelihoodProject; proposals: LivelihoodProposal[] }> {
    const current = await this.store.livelihood.getProject(projectId)
    if (!current) throw new NotFoundError('候选项目不存在')
    const cycle = await this.curating(staff, current.cycleId)
    const now = this.clock.now()
    // In the candidate's own order: her notice names hers as the office merged them.
    const all = new Map((await this.store.livelihood.listProposals(cycle.id)).map((p) => [p.id, p]))
    const held = current.proposalIds.flatMap((id) => all.get(id) ?? [])
    const proposals: LivelihoodProposal[] = held.map((p) =>
      note ? { ...p, status: 'not_adopted', projectId: null, note, updatedAt: now } : { ...p, status: 'submitted', projectId: null, note: '', updatedAt: now },
    )
    // She was told it would go to the ballot: the notice says it no longer does, and why, in her page's words.
    const outbox = note
      ? byProposer(held).map(({ to, mine }) =>
          outboxMessage({
            to,
            kind: 'livelihood.proposal',
            payload: {
              text: `您提出的民生实事项目建议${mine.map((p) => `「${p.title}」`).join('')}原已列为候选项目「${current.title}」，经重新研究，${notTakenUpWords(note)}`,
              cycleId: cycle.id,
              proposalId: mine[0]!.id,
              ...(mine.length > 1 ? { proposalIds: mine.map((p) => p.id) } : {}),
            },
            dedupeKey: `livelihood.withdrawn:${mine[0]!.id}:${current.id}`,
            at: now,
          }),
        )
      : []
    if (!(await this.store.livelihood.withdrawProject(current, proposals, outbox, now))) await this.refused(projectId)
    await this.audit.record(
      staff,
      'livelihood.candidate_withdrawn',
      { kind: 'livelihood_project', id: projectId },
      {
        title: current.title,
        proposals: current.proposalIds,
        ...(note ? { note } : {}),
      },
    )
    return { project: current, proposals }
  }

  /** A proposal not taken up, with the reason its proposer reads. */
  async decline(staff: StaffPrincipal, proposalId: string, note: string): Promise<LivelihoodProposal> {
    const proposal = await this.store.livelihood.getProposal(proposalId)
    if (!proposal) throw new NotFoundError('项目建议不存在')
    await this.curating(staff, proposal.cycleId)
    if (proposal.status === 'candidate') throw new ConflictError('该建议已列入候选项目，请先从候选项目中移出', [], 'proposal_in_candidate')
    // The proposer was told once; a second reason would reach them as a second, contradicting notice.
    if (proposal.status === 'not_adopted') throw new ConflictError(`该建议已说明不列入：${proposal.note}`, [], 'proposal_declined')
    const now = this.clock.now()
    const next: LivelihoodProposal = { ...proposal, status: 'not_adopted', note, updatedAt: now }
    // In the words her page uses (notTakenUpWords): the office's note after 说明, never run into 未列入.
    const text = `您提出的民生实事项目建议「${proposal.title}」${notTakenUpWords(note)}`
    const to = proposerOf(proposal)
    await this.store.livelihood.updateProposals(
      [next],
      to
        ? [
            outboxMessage({
              to,
              kind: 'livelihood.proposal',
              payload: { text, cycleId: proposal.cycleId, proposalId },
              dedupeKey: `livelihood.declined:${proposalId}:${now.getTime()}`,
              at: now,
            }),
          ]
        : [],
    )
    await this.audit.record(staff, 'livelihood.proposal_declined', { kind: 'livelihood_proposal', id: proposalId }, { note })
    return next
  }

  /** Candidates change only before the ballot, by the cycle's own office. */
  private async curating(staff: StaffPrincipal, cycleId: string): Promise<LivelihoodCycle> {
    const cycle = await this.scope.managed(staff, cycleId)
    if (cycle.status !== 'collecting') throw curationClosed()
    return cycle
  }

  private async unit(staff: StaffPrincipal, unitId: string): Promise<string> {
    const unit = await this.store.units.get(unitId)
    if (!unit || !unit.active)
      throw new UnprocessableError(
        '承办单位有误',
        [{ path: 'body.unitId', message: unit ? `${unit.name}已停用，请重新选择承办单位` : GONE.unit }],
        'unknown_unit',
      )
    if (!(await this.scope.unitAllowed(staff, unit)))
      throw new UnprocessableError(unitOutOfScope(unit), [{ path: 'body.unitId', message: unitOutOfScope(unit) }], 'unit_out_of_scope')
    return unit.id
  }

  /**
   * A curation write the store refused: another request came first, a withdrawal (gone), 提交代表票决 (the stage
   * moved) or, for a correction read at `readVersion`, another correction.
   */
  private async refused(projectId: string, readVersion?: number): Promise<never> {
    const stored = await this.store.livelihood.getProject(projectId)
    if (!stored) throw new NotFoundError('候选项目已经撤回了，请刷新后查看')
    const cycle = await this.store.livelihood.getCycle(stored.cycleId)
    if (cycle?.status === 'collecting' && readVersion !== undefined && (stored.version ?? 0) !== readVersion) throw staleCandidate(stored, stored.version ?? 0)
    throw curationClosed()
  }

  private async takeIn(
    cycle: LivelihoodCycle,
    project: LivelihoodProject,
    proposalIds: string[],
    isNew: boolean,
    readVersion?: number,
  ): Promise<LivelihoodProject> {
    const all = await this.store.livelihood.listProposals(cycle.id)
    const byId = new Map(all.map((p) => [p.id, p]))
    const unknown = proposalIds.filter((id) => !byId.has(id))
    if (unknown.length)
      throw new UnprocessableError(
        '项目建议有误',
        unknown.map(() => ({ path: 'body.proposalIds', message: '本年度的项目建议中没有这一条，请刷新后重新选择' })),
        'unknown_proposal',
      )
    const elsewhere = proposalIds.filter((id) => byId.get(id)!.projectId && byId.get(id)!.projectId !== project.id)
    if (elsewhere.length)
      throw new ConflictError(
        '有的建议已列入其他候选项目',
        elsewhere.map((id) => ({ path: 'body.proposalIds', message: `「${byId.get(id)!.title}」` })),
        'proposal_in_candidate',
      )
    const now = this.clock.now()
    const changed: LivelihoodProposal[] = []
    const outbox: OutboxMessage[] = []
    const taken = proposalIds.filter((x) => !project.proposalIds.includes(x)).map((id) => byId.get(id)!)
    for (const p of taken) changed.push({ ...p, status: 'candidate', projectId: project.id, note: '', updatedAt: now })
    const keyOf = (id: string) => {
      const to = proposerOf(byId.get(id)!)
      return to ? proposerKey(to) : `gone:${id}`
    }
    // One message per proposer, naming what she wrote; the others merged with hers are other people's (or her earlier ones).
    for (const { key, to, mine } of byProposer(taken)) {
      const others = proposalIds.filter((id) => keyOf(id) !== key).length
      const merged = others > 0 ? `与其他 ${others} 条建议合并，` : mine.length > 1 ? '合并为一项，' : ''
      const hers = mine.map((p) => `「${p.title}」`).join('')
      const text = `您提出的民生实事项目建议${hers}已${merged}列为候选项目「${project.title}」，将由人大代表票决。`
      outbox.push(
        outboxMessage({
          to,
          kind: 'livelihood.proposal',
          payload: { text, cycleId: cycle.id, proposalId: mine[0]!.id, ...(mine.length > 1 ? { proposalIds: mine.map((p) => p.id) } : {}) },
          dedupeKey: `livelihood.candidate:${mine[0]!.id}:${project.id}`,
          at: now,
        }),
      )
    }
    for (const id of project.proposalIds.filter((x) => !proposalIds.includes(x))) {
      const p = byId.get(id)
      if (p) changed.push({ ...p, status: 'submitted', projectId: null, updatedAt: now })
    }
    const saved: LivelihoodProject = { ...project, proposalIds: [...proposalIds] }
    // Checked again in the write: the stage read above may have moved to the ballot since, the candidate been
    // withdrawn, or corrected by someone else.
    if (!(await this.store.livelihood.saveCandidate(saved, changed, outbox, now, isNew, readVersion))) {
      if (isNew) throw curationClosed()
      await this.refused(project.id, readVersion)
    }
    return saved
  }
}

const curationClosed = () => new ConflictError('已经提交代表票决，不能再调整候选项目', [], 'curation_closed')
/** The candidate as someone else left it is not what she corrected: she reads it again before changing it. */
const staleCandidate = (p: Pick<LivelihoodProject, 'title'>, version: number) =>
  new ConflictError(`候选项目「${p.title}」已被别人修改，请刷新后再改`, [{ path: 'version', message: String(version) }], 'stale_candidate')
