import { Schema, type Connection } from 'mongoose'
import type { LivelihoodCycle, LivelihoodProject, LivelihoodProposal, ProgressReport, ProjectRating, Quarter } from '../../domain/livelihood.js'
import { NotFoundError } from '../../errors.js'
import { candidatesAsRead } from '../candidates-as-read.js'
import { StoreConflict } from '../conflicts.js'
import type { LivelihoodRepo } from '../livelihood-ports.js'
import { translate } from './errors.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'

/**
 * The mongo side of sqlite's 026_livelihood.sql: each record is one document (`_id` its id;
 * progress `projectId|quarter`, ratings `projectId|deputyId`, so a second rating is a duplicate key).
 */
type Doc = Record<string, unknown> & { _id: string }
const loose = (indexes: Record<string, 1 | -1>[]) => {
  const schema = new Schema({ _id: String }, { strict: false, versionKey: false, id: false })
  for (const i of indexes) schema.index(i)
  return schema
}
function plain<T>(doc: Doc | null, dates: string[]): T | null {
  if (!doc) return null
  const { _id, ...rest } = doc
  void _id
  for (const key of dates) rest[key] = new Date(rest[key] as Date)
  return rest as T
}

const CYCLE_DATES = ['opensAt', 'closesAt', 'createdAt', 'updatedAt']
const STAMP = ['createdAt', 'updatedAt']

export async function livelihoodRepo(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<LivelihoodRepo> {
  const Cycle = conn.model('LivelihoodCycle', loose([{ office: 1, year: -1 }]), 'livelihood_cycles')
  const Proposal = conn.model(
    'LivelihoodProposal',
    loose([
      { cycleId: 1, createdAt: 1 },
      { mpUserId: 1, createdAt: -1 },
      { deputyId: 1, createdAt: -1 },
    ]),
    'livelihood_proposals',
  )
  // A person's turn at a cycle, written and removed inside each capped proposal's write: it only makes two of them meet (createProposal).
  const ProposalTurn = conn.model('LivelihoodProposalTurn', loose([]), 'livelihood_proposal_turns')
  const Project = conn.model('LivelihoodProject', loose([{ cycleId: 1, createdAt: 1 }]), 'livelihood_projects')
  const Progress = conn.model('LivelihoodProgress', loose([{ projectId: 1, quarter: 1 }]), 'livelihood_progress')
  const Rating = conn.model('LivelihoodRating', loose([{ cycleId: 1, at: 1 }]), 'livelihood_ratings')
  await Promise.all([Cycle, Proposal, ProposalTurn, Project, Progress, Rating].map((m) => m.createCollection()))

  const cycleOf = (d: unknown) => plain<LivelihoodCycle>(d as Doc, CYCLE_DATES)!
  const proposalOf = (d: unknown) => plain<LivelihoodProposal>(d as Doc, STAMP)!
  const projectOf = (d: unknown) => plain<LivelihoodProject>(d as Doc, STAMP)!
  const replace = (p: { id: string }) => ({ replaceOne: { filter: { _id: p.id }, replacement: { ...p }, upsert: true } })

  return {
    async createCycle(c) {
      await translate(() => Cycle.create({ _id: c.id, ...c }))
      return c
    },
    async getCycle(id) {
      const d = await Cycle.findById(id).lean()
      return d ? cycleOf(d) : null
    },
    async listCycles(offices) {
      return (
        await Cycle.find(offices ? { office: { $in: offices } } : {})
          .sort({ year: -1, office: 1, _id: 1 })
          .lean()
      ).map(cycleOf)
    },
    async updateCycle(c) {
      const { matchedCount } = await Cycle.replaceOne({ _id: c.id }, { ...c })
      if (!matchedCount) throw new NotFoundError('民生实事年度不存在')
      return c
    },
    async moveCycle(c, from) {
      // The stage is part of the filter: of two requests, the second matches nothing.
      const { matchedCount } = await Cycle.replaceOne({ _id: c.id, status: from }, { ...c })
      return matchedCount === 1
    },
    async createProposal(p, checks) {
      const perPerson = checks?.perPerson
      if (perPerson === undefined && !checks?.collecting) {
        await translate(() => Proposal.create({ _id: p.id, ...p }))
        return p
      }
      const who = p.mpUserId ? { mpUserId: p.mpUserId } : { deputyId: p.deputyId ?? '' }
      await translate(() =>
        conn.transaction(async (session) => {
          // The cycle is written, not only read, as saveCandidate's: 提交代表票决 committed meanwhile makes this a write
          // conflict, run again by the driver, which then finds the stage moved; one coming later meets this write.
          if (checks?.collecting) {
            const { matchedCount } = await Cycle.updateOne({ _id: p.cycleId, status: 'collecting' }, { $set: { updatedAt: p.createdAt } }, { session })
            if (matchedCount !== 1) throw new StoreConflict('collection_closed')
          }
          if (perPerson === undefined) {
            await Proposal.create([{ _id: p.id, ...p }], { session })
            return
          }
          // Two transactions counting the same person's proposals would each see the other's as not there yet
          // (snapshot reads) and both insert. Both first write this one small document, so the second meets a
          // write conflict, is run again by the driver (withTransaction), and then counts the first's proposal.
          // Removed again before the commit: nothing naming the person is left beside the proposals themselves.
          const turn = { _id: `${p.cycleId}|${who.mpUserId ? `mp:${who.mpUserId}` : `dp:${who.deputyId}`}` }
          await ProposalTurn.updateOne(turn, { $inc: { n: 1 } }, { upsert: true, session })
          if ((await Proposal.countDocuments({ ...who, cycleId: p.cycleId }, { session })) >= perPerson)
            throw new StoreConflict('proposal_limit', [], { allowed: perPerson })
          await Proposal.create([{ _id: p.id, ...p }], { session })
          await ProposalTurn.deleteOne(turn, { session })
        }),
      )
      return p
    },
    async getProposal(id) {
      const d = await Proposal.findById(id).lean()
      return d ? proposalOf(d) : null
    },
    async listProposals(cycleId) {
      return (await Proposal.find({ cycleId }).sort({ createdAt: 1, _id: 1 }).lean()).map(proposalOf)
    },
    async listProposalsBy(who) {
      const filter = who.mpUserId ? { mpUserId: who.mpUserId } : { deputyId: who.deputyId ?? '' }
      return (await Proposal.find(filter).sort({ createdAt: -1, _id: -1 }).lean()).map(proposalOf)
    },
    async countProposalsBy(who, cycleId) {
      const filter = who.mpUserId ? { mpUserId: who.mpUserId } : { deputyId: who.deputyId ?? '' }
      return Proposal.countDocuments({ ...filter, cycleId })
    },
    async saveProject(project, proposals, outbox) {
      await conn.transaction(async (session) => {
        await Project.bulkWrite([replace(project)], { session })
        if (proposals.length) await Proposal.bulkWrite(proposals.map(replace), { session })
        await insertOutbox(Outbox, outbox, session)
      })
      return project
    },
    async saveCandidate(project, proposals, outbox, at, isNew, readVersion) {
      return conn
        .transaction(async (session) => {
          // The cycle is written, not only read, as withdrawProject's: a stage move or a withdrawal committed meanwhile
          // makes this a write conflict, run again by the driver, which then finds the stage moved or the candidate gone.
          const { matchedCount } = await Cycle.updateOne({ _id: project.cycleId, status: 'collecting' }, { $set: { updatedAt: at } }, { session })
          if (matchedCount !== 1) return false
          if (isNew) {
            if (await Project.exists({ _id: project.id }).session(session)) throw new CandidateGone()
            await Project.create([{ _id: project.id, ...project }], { session })
          } else {
            // Only over the candidate still stored: one withdrawn meanwhile is not brought back (no upsert); given the
            // version it was read at, only over that version (null matches one made before versions were counted: 0).
            const version = readVersion === undefined ? {} : { version: readVersion === 0 ? { $in: [0, null] } : readVersion }
            const { matchedCount: there } = await Project.replaceOne(
              { _id: project.id, cycleId: project.cycleId, status: 'candidate', ...version },
              { ...project },
              { session },
            )
            // Thrown rather than returned: the cycle's mark is undone with the transaction.
            if (there !== 1) throw new CandidateGone()
          }
          if (proposals.length) await Proposal.bulkWrite(proposals.map(replace), { session })
          await insertOutbox(Outbox, outbox, session)
          return true
        })
        .catch((err: unknown) => {
          if (err instanceof CandidateGone) return false
          throw err
        })
    },
    async updateProposals(proposals, outbox) {
      await conn.transaction(async (session) => {
        if (proposals.length) await Proposal.bulkWrite(proposals.map(replace), { session })
        await insertOutbox(Outbox, outbox, session)
      })
    },
    async withdrawProject(project, proposals, outbox, at) {
      return conn
        .transaction(async (session) => {
          // The cycle is written, not only read: a stage move committed meanwhile makes this a write conflict, run again
          // by the driver, which then finds the stage moved (a read alone would not see it in the transaction's snapshot).
          const { matchedCount } = await Cycle.updateOne({ _id: project.cycleId, status: 'collecting' }, { $set: { updatedAt: at } }, { session })
          if (matchedCount !== 1) return false
          const { deletedCount } = await Project.deleteOne({ _id: project.id, cycleId: project.cycleId, status: 'candidate' }, { session })
          // Thrown rather than returned: the cycle's mark is undone with the transaction.
          if (deletedCount !== 1) throw new CandidateGone()
          if (proposals.length) await Proposal.bulkWrite(proposals.map(replace), { session })
          await insertOutbox(Outbox, outbox, session)
          return true
        })
        .catch((err: unknown) => {
          if (err instanceof CandidateGone) return false
          throw err
        })
    },
    async getProject(id) {
      const d = await Project.findById(id).lean()
      return d ? projectOf(d) : null
    },
    async listProjects(cycleId) {
      return (await Project.find({ cycleId }).sort({ createdAt: 1, _id: 1 }).lean()).map(projectOf)
    },
    async startVoting(next, candidates) {
      return conn
        .transaction(async (session): Promise<'started' | 'stage_moved' | 'proposals_unsorted'> => {
          // Written first: a correction or withdrawal committed after this transaction's snapshot makes it a write
          // conflict (they write the cycle too), run again by the driver; one coming later meets this write and, run
          // again, finds the stage moved. The candidates read below are then the ones fixed.
          const { matchedCount } = await Cycle.replaceOne({ _id: next.id, status: 'collecting' }, { ...next }, { session })
          if (matchedCount !== 1) return 'stage_moved'
          const stored = (await Project.find({ cycleId: next.id, status: 'candidate' }, null, { session }).lean()).map(projectOf)
          // Thrown rather than returned: the stage move is undone with the transaction.
          if (!candidatesAsRead(stored, candidates)) throw new CandidatesChanged()
          // A proposal sent after the office checked (createProposal writes the cycle too: no snapshot hides it).
          if (await Proposal.exists({ cycleId: next.id, status: 'submitted' }).session(session)) throw new ProposalsUnsorted()
          return 'started'
        })
        .catch((err: unknown) => {
          if (err instanceof CandidatesChanged) return 'candidates_changed' as const
          if (err instanceof ProposalsUnsorted) return 'proposals_unsorted' as const
          throw err
        })
    },
    async settleBallot(cycle, projects, outbox) {
      return conn.transaction(async (session) => {
        const { matchedCount } = await Cycle.replaceOne({ _id: cycle.id, status: 'voting' }, { ...cycle }, { session })
        if (matchedCount !== 1) return false
        if (projects.length) await Project.bulkWrite(projects.map(replace), { session })
        await insertOutbox(Outbox, outbox, session)
        return true
      })
    },
    async putProgress(r) {
      await Progress.replaceOne({ _id: `${r.projectId}|${r.quarter}` }, { ...r }, { upsert: true })
      return r
    },
    async listProgress(projectIds) {
      const found = await Progress.find({ projectId: { $in: projectIds } })
        .sort({ projectId: 1, quarter: 1 })
        .lean()
      return found.map((d) => plain<ProgressReport>(d as Doc, ['postedAt'])!)
    },
    async reportedQuarters(projectId) {
      return (await Progress.find({ projectId }, { quarter: 1 }).sort({ quarter: 1 }).lean()).map((d) => (d as unknown as { quarter: Quarter }).quarter)
    },
    async addRating(r) {
      await translate(() => Rating.create({ _id: `${r.projectId}|${r.deputyId}`, ...r }))
      return r
    },
    async listRatings(cycleId) {
      return (await Rating.find({ cycleId }).sort({ at: 1, deputyId: 1 }).lean()).map((d) => plain<ProjectRating>(d as Doc, ['at'])!)
    },
  }
}

/** A withdrawal or correction that found its candidate gone (or a new one's id taken): its transaction is aborted. */
class CandidateGone extends Error {}
/** A ballot's start that found the candidates changed since they were read: its transaction is aborted. */
class CandidatesChanged extends Error {}
/** A ballot's start that found a proposal still to be sorted: its transaction is aborted. */
class ProposalsUnsorted extends Error {}
