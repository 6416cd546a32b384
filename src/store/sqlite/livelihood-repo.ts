import type { LivelihoodCycle, LivelihoodProject, LivelihoodProposal, ProgressReport, ProjectRating, Quarter } from '../../domain/livelihood.js'
import { NotFoundError } from '../../errors.js'
import { candidatesAsRead } from '../candidates-as-read.js'
import { StoreConflict } from '../conflicts.js'
import type { LivelihoodRepo } from '../livelihood-ports.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'
import { outboxWriter } from './outbox-writer.js'

const DATES: Record<string, string[]> = {
  cycle: ['opensAt', 'closesAt', 'createdAt', 'updatedAt'],
  proposal: ['createdAt', 'updatedAt'],
  project: ['createdAt', 'updatedAt'],
  progress: ['postedAt'],
  rating: ['at'],
}
/** A stored JSON record back to its shape: its dates are Dates again. */
function revive<T>(kind: string, row: unknown): T {
  const doc = JSON.parse((row as { doc: string }).doc) as Record<string, unknown>
  for (const key of DATES[kind]!) doc[key] = new Date(doc[key] as string)
  return doc as T
}
const docs = <T>(kind: string, rows: unknown[]) => rows.map((r) => revive<T>(kind, r))

export function livelihoodRepo(db: Db, group: GroupCommit): LivelihoodRepo {
  const writeOutbox = outboxWriter(db)
  const putProject = db.prepare('INSERT OR REPLACE INTO livelihood_projects (id, cycle_id, created_at, doc) VALUES (?, ?, ?, ?)')
  const putProposal = db.prepare('UPDATE livelihood_proposals SET doc = ? WHERE id = ?')
  const putCycle = db.prepare('UPDATE livelihood_cycles SET doc = ? WHERE id = ?')
  // The stage read and written in one statement: a second request finds it moved and changes nothing.
  const moveCycle = db.prepare("UPDATE livelihood_cycles SET doc = ? WHERE id = ? AND json_extract(doc, '$.status') = ?")
  // A withdrawal's mark on its cycle, made only while the cycle still collects: the write that finds it moved changes nothing.
  const touchCollecting = db.prepare(
    "UPDATE livelihood_cycles SET doc = json_set(doc, '$.updatedAt', ?) WHERE id = ? AND json_extract(doc, '$.status') = 'collecting'",
  )
  const candidateThere = db.prepare("SELECT 1 FROM livelihood_projects WHERE id = ? AND cycle_id = ? AND json_extract(doc, '$.status') = 'candidate'")
  // A candidate made before corrections were counted has no version: it is at 0.
  const candidateAt = db.prepare(
    "SELECT 1 FROM livelihood_projects WHERE id = ? AND cycle_id = ? AND json_extract(doc, '$.status') = 'candidate' AND COALESCE(json_extract(doc, '$.version'), 0) = ?",
  )
  const unsortedIn = db.prepare("SELECT 1 FROM livelihood_proposals WHERE cycle_id = ? AND json_extract(doc, '$.status') = 'submitted' LIMIT 1")
  const projectThere = db.prepare('SELECT 1 FROM livelihood_projects WHERE id = ?')
  const cycleStage = db.prepare("SELECT json_extract(doc, '$.status') FROM livelihood_cycles WHERE id = ?").pluck()
  const candidatesOf = db.prepare("SELECT doc FROM livelihood_projects WHERE cycle_id = ? AND json_extract(doc, '$.status') = 'candidate'")
  const dropProject = db.prepare('DELETE FROM livelihood_projects WHERE id = ?')
  const insertProposal = db.prepare('INSERT INTO livelihood_proposals (id, cycle_id, mp_user_id, deputy_id, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)')
  const countByResident = db.prepare('SELECT COUNT(*) FROM livelihood_proposals WHERE mp_user_id = ? AND cycle_id = ?').pluck()
  const countByDeputy = db.prepare('SELECT COUNT(*) FROM livelihood_proposals WHERE deputy_id = ? AND cycle_id = ?').pluck()
  // By the person's own index (a few rows each), then the cycle: the yearly cap reads a number, not every proposal.
  const countBy = (who: { mpUserId?: string | null; deputyId?: string | null }, cycleId: string): number =>
    (who.mpUserId ? countByResident.get(who.mpUserId, cycleId) : countByDeputy.get(who.deputyId ?? '', cycleId)) as number
  const one = <T>(kind: string, sql: string, ...args: unknown[]): T | null => {
    const row = db.prepare(sql).get(...args)
    return row ? revive<T>(kind, row) : null
  }
  return {
    async createCycle(c) {
      await group.run(() =>
        translate(() => db.prepare('INSERT INTO livelihood_cycles (id, office, year, doc) VALUES (?, ?, ?, ?)').run(c.id, c.office, c.year, JSON.stringify(c))),
      )
      return c
    },
    async getCycle(id) {
      return one<LivelihoodCycle>('cycle', 'SELECT doc FROM livelihood_cycles WHERE id = ?', id)
    },
    async listCycles(offices) {
      const rows = db.prepare('SELECT doc, office FROM livelihood_cycles ORDER BY year DESC, office, id').all() as Array<{ office: string }>
      return docs<LivelihoodCycle>('cycle', offices ? rows.filter((r) => offices.includes(r.office)) : rows)
    },
    async updateCycle(c) {
      const changed = await group.run(() => putCycle.run(JSON.stringify(c), c.id).changes)
      if (!changed) throw new NotFoundError('民生实事年度不存在')
      return c
    },
    async moveCycle(c, from) {
      return group.run(() => moveCycle.run(JSON.stringify(c), c.id, from).changes === 1)
    },
    async createProposal(p, checks) {
      await group.run(() =>
        translate(() => {
          // Counted inside the same write as the insert: writes run one at a time, so the second of two quick
          // submissions for the last place counts the first one's proposal and is refused. (Each write has its own
          // savepoint: a refusal or a failed insert undoes the cycle's mark below with it.)
          const perPerson = checks?.perPerson
          if (perPerson !== undefined && countBy(p, p.cycleId) >= perPerson) throw new StoreConflict('proposal_limit', [], { allowed: perPerson })
          // The stage read in the write that marks the cycle: 提交代表票决 (startVoting) is wholly before or after it.
          if (checks?.collecting && touchCollecting.run(p.createdAt.toISOString(), p.cycleId).changes !== 1) throw new StoreConflict('collection_closed')
          insertProposal.run(p.id, p.cycleId, p.mpUserId, p.deputyId, p.createdAt.toISOString(), JSON.stringify(p))
        }),
      )
      return p
    },
    async getProposal(id) {
      return one<LivelihoodProposal>('proposal', 'SELECT doc FROM livelihood_proposals WHERE id = ?', id)
    },
    async listProposals(cycleId) {
      return docs('proposal', db.prepare('SELECT doc FROM livelihood_proposals WHERE cycle_id = ? ORDER BY created_at, id').all(cycleId))
    },
    async listProposalsBy(who) {
      const [column, value] = who.mpUserId ? ['mp_user_id', who.mpUserId] : ['deputy_id', who.deputyId ?? '']
      return docs('proposal', db.prepare(`SELECT doc FROM livelihood_proposals WHERE ${column} = ? ORDER BY created_at DESC, id DESC`).all(value))
    },
    async countProposalsBy(who, cycleId) {
      return countBy(who, cycleId)
    },
    async saveProject(project, proposals, outbox) {
      await group.run(() => {
        putProject.run(project.id, project.cycleId, project.createdAt.toISOString(), JSON.stringify(project))
        for (const p of proposals) putProposal.run(JSON.stringify(p), p.id)
        writeOutbox(outbox)
      })
      return project
    },
    async saveCandidate(project, proposals, outbox, at, isNew, readVersion) {
      return group.run(() => {
        // Writes run one at a time: the candidate and the stage are read in the same write that changes them. A
        // correction of a candidate withdrawn meanwhile is refused, never written back as a new row; one read before
        // another correction landed is refused too, rather than put back what that one changed.
        const stillThere = () =>
          readVersion === undefined ? candidateThere.get(project.id, project.cycleId) : candidateAt.get(project.id, project.cycleId, readVersion)
        if (isNew ? projectThere.get(project.id) : !stillThere()) return false
        if (touchCollecting.run(at.toISOString(), project.cycleId).changes !== 1) return false
        putProject.run(project.id, project.cycleId, project.createdAt.toISOString(), JSON.stringify(project))
        for (const p of proposals) putProposal.run(JSON.stringify(p), p.id)
        writeOutbox(outbox)
        return true
      })
    },
    async updateProposals(proposals, outbox) {
      await group.run(() => {
        for (const p of proposals) putProposal.run(JSON.stringify(p), p.id)
        writeOutbox(outbox)
      })
    },
    async withdrawProject(project, proposals, outbox, at) {
      return group.run(() => {
        // Writes run one at a time: the candidate and the stage are read in the same write that changes them.
        if (!candidateThere.get(project.id, project.cycleId)) return false
        if (touchCollecting.run(at.toISOString(), project.cycleId).changes !== 1) return false
        dropProject.run(project.id)
        for (const p of proposals) putProposal.run(JSON.stringify(p), p.id)
        writeOutbox(outbox)
        return true
      })
    },
    async getProject(id) {
      return one<LivelihoodProject>('project', 'SELECT doc FROM livelihood_projects WHERE id = ?', id)
    },
    async listProjects(cycleId) {
      return docs('project', db.prepare('SELECT doc FROM livelihood_projects WHERE cycle_id = ? ORDER BY created_at, id').all(cycleId))
    },
    async startVoting(next, candidates) {
      return group.run(() => {
        // The stage and the candidates read in the write that moves the stage: no correction comes between.
        if (cycleStage.get(next.id) !== 'collecting') return 'stage_moved'
        if (!candidatesAsRead(docs<LivelihoodProject>('project', candidatesOf.all(next.id)), candidates)) return 'candidates_changed'
        // A proposal sent after the office checked that none was left to sort: it would wait for ever.
        if (unsortedIn.get(next.id)) return 'proposals_unsorted'
        moveCycle.run(JSON.stringify(next), next.id, 'collecting')
        return 'started'
      })
    },
    async settleBallot(cycle, projects, outbox) {
      return group.run(() => {
        if (moveCycle.run(JSON.stringify(cycle), cycle.id, 'voting').changes !== 1) return false
        for (const p of projects) putProject.run(p.id, p.cycleId, p.createdAt.toISOString(), JSON.stringify(p))
        writeOutbox(outbox)
        return true
      })
    },
    async putProgress(r) {
      await group.run(() =>
        db.prepare('INSERT OR REPLACE INTO livelihood_progress (project_id, quarter, doc) VALUES (?, ?, ?)').run(r.projectId, r.quarter, JSON.stringify(r)),
      )
      return r
    },
    async listProgress(projectIds) {
      if (!projectIds.length) return []
      const marks = projectIds.map(() => '?').join(', ')
      return docs<ProgressReport>(
        'progress',
        db.prepare(`SELECT doc FROM livelihood_progress WHERE project_id IN (${marks}) ORDER BY project_id, quarter`).all(...projectIds),
      )
    },
    async reportedQuarters(projectId) {
      return db.prepare('SELECT quarter FROM livelihood_progress WHERE project_id = ? ORDER BY quarter').pluck().all(projectId) as Quarter[]
    },
    async addRating(r) {
      await group.run(() =>
        translate(() =>
          db
            .prepare('INSERT INTO livelihood_ratings (project_id, deputy_id, cycle_id, at, doc) VALUES (?, ?, ?, ?, ?)')
            .run(r.projectId, r.deputyId, r.cycleId, r.at.toISOString(), JSON.stringify(r)),
        ),
      )
      return r
    },
    async listRatings(cycleId) {
      return docs<ProjectRating>('rating', db.prepare('SELECT doc FROM livelihood_ratings WHERE cycle_id = ? ORDER BY at, deputy_id').all(cycleId))
    },
  }
}
