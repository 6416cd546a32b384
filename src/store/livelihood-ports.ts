import type { LivelihoodCycle, LivelihoodProject, LivelihoodProposal, ProgressReport, ProjectRating, Quarter } from '../domain/livelihood.js'
import type { OutboxMessage } from './outbox-message.js'

/**
 * 民生实事项目: cycles, proposals, candidate projects, quarterly progress and year-end ratings.
 * A city holds a few cycles a year with hundreds of proposals each: lists are read whole.
 */
export interface LivelihoodRepo {
  createCycle(cycle: LivelihoodCycle): Promise<LivelihoodCycle>
  getCycle(id: string): Promise<LivelihoodCycle | null>
  /** Newest year first; `offices` limits to those offices. */
  listCycles(offices?: string[]): Promise<LivelihoodCycle[]>
  updateCycle(cycle: LivelihoodCycle): Promise<LivelihoodCycle>
  /**
   * Moves a cycle on only if its stored stage is still `from`, checked in the write itself: of two
   * requests moving the same stage (a double click, two organizers), one writes and the other gets false.
   */
  moveCycle(cycle: LivelihoodCycle, from: LivelihoodCycle['status']): Promise<boolean>

  /**
   * With `perPerson`, the yearly cap (每人每年最多提出 N 个) is checked in the write itself: StoreConflict
   * `proposal_limit` (facts.allowed), nothing written, when the proposer (mpUserId, else deputyId) already
   * made `perPerson` proposals to the cycle. Of two quick submissions for the last place, one is refused.
   * With `collecting`, the write is made only while the stored cycle still collects (else StoreConflict
   * `collection_closed`, nothing written), and it marks the cycle (`updatedAt` becomes the proposal's `createdAt`):
   * 提交代表票决 (startVoting) comes wholly before it or after it, never between its check and its write.
   */
  createProposal(proposal: LivelihoodProposal, checks?: { perPerson?: number; collecting?: boolean }): Promise<LivelihoodProposal>
  getProposal(id: string): Promise<LivelihoodProposal | null>
  /** Oldest first. */
  listProposals(cycleId: string): Promise<LivelihoodProposal[]>
  /** A resident's proposals (mpUserId) or a deputy's (deputyId), newest first. */
  listProposalsBy(who: { mpUserId?: string; deputyId?: string }): Promise<LivelihoodProposal[]>
  /** How many proposals a resident (mpUserId) or a deputy (deputyId) made to one cycle: counted by the store, none read. */
  countProposalsBy(who: { mpUserId?: string; deputyId?: string }, cycleId: string): Promise<number>
  /**
   * Saves a project outright (new or changed), the proposals it takes in or lets go, and the messages telling their
   * proposers, in one write, whatever the stage and whatever is stored: no check at all, so nothing the office does
   * goes through it (curation uses saveCandidate, which the ballot's start fences off); tests put a year in with it.
   */
  saveProject(project: LivelihoodProject, proposals: LivelihoodProposal[], outbox: OutboxMessage[]): Promise<LivelihoodProject>
  /**
   * Curation (梳理): a new candidate (`isNew`) or a correction of one, the proposals it takes in or lets go, and the
   * messages telling their proposers, in one write, made only while the stored cycle still collects and, for a
   * correction, the candidate is still stored as a candidate of that cycle (for a new one, its id is free) and, given
   * `readVersion`, still at the version the correction was read at (LivelihoodProject.version, absent counting as 0).
   * Otherwise false, and nothing written: 提交代表票决, a withdrawal or another correction came first (a correction
   * never brings a withdrawn candidate back, nor undoes another's). The cycle's `updatedAt` becomes `at`, as withdrawProject's: the write changes the cycle itself, so
   * the ballot's start (startVoting) comes wholly before or after it, in both adapters.
   */
  saveCandidate(
    project: LivelihoodProject,
    proposals: LivelihoodProposal[],
    outbox: OutboxMessage[],
    at: Date,
    isNew: boolean,
    readVersion?: number,
  ): Promise<boolean>
  /** Proposals changed on their own (not taken up), with their messages, in one write. */
  updateProposals(proposals: LivelihoodProposal[], outbox: OutboxMessage[]): Promise<void>
  /**
   * Takes a candidate off its year before the ballot: deletes it and writes the proposals it held (back to be
   * sorted, or not taken up) with the messages telling their proposers, in one write, made only while the stored
   * cycle still collects and the candidate is still there (false, and nothing written, otherwise: 提交代表票决 or
   * another withdrawal came first). The cycle's `updatedAt` becomes `at`: the write changes the cycle itself, so a
   * stage move racing it (moveCycle) comes wholly before or after it, in both adapters.
   */
  withdrawProject(project: Pick<LivelihoodProject, 'id' | 'cycleId'>, proposals: LivelihoodProposal[], outbox: OutboxMessage[], at: Date): Promise<boolean>
  getProject(id: string): Promise<LivelihoodProject | null>
  /** Oldest first. */
  listProjects(cycleId: string): Promise<LivelihoodProject[]>
  /**
   * 提交代表票决's stage move, made before its ballot: the cycle becomes `next` (代表票决) only while the stored one
   * still collects and its stored candidates are exactly `candidates`, each as it was read, checked in the write.
   * From then on no candidate changes (saveCandidate and withdrawProject refuse), so a ballot made next from
   * `candidates` lists what is fixed. Otherwise nothing is written: 'stage_moved' when another request moved the
   * stage first, 'candidates_changed' when a candidate was added, corrected or withdrawn since the read,
   * 'proposals_unsorted' when a proposal of the cycle is still to be sorted (one sent after the office checked: it
   * would read 正在梳理 for ever, as nothing is sorted after the ballot; createProposal refuses from then on).
   */
  startVoting(next: LivelihoodCycle, candidates: LivelihoodProject[]): Promise<'started' | 'stage_moved' | 'candidates_changed' | 'proposals_unsorted'>
  /**
   * The ballot's outcome: every project's status and votes, the cycle's new status, and the messages, in one write,
   * made only while the stored cycle is still `voting` (false, and nothing written, when another request settled it first).
   */
  settleBallot(cycle: LivelihoodCycle, projects: LivelihoodProject[], outbox: OutboxMessage[]): Promise<boolean>

  /** One report per project and quarter: a second one for the same quarter replaces it. */
  putProgress(report: ProgressReport): Promise<ProgressReport>
  /** Oldest quarter first. */
  listProgress(projectIds: string[]): Promise<ProgressReport[]>
  reportedQuarters(projectId: string): Promise<Quarter[]>

  /** One rating per deputy and project: a second is a ConflictError. */
  addRating(rating: ProjectRating): Promise<ProjectRating>
  listRatings(cycleId: string): Promise<ProjectRating[]>
}
