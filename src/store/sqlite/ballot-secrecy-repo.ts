import type { SurveyRepo } from '../survey-ports.js'
import type { GroupCommit } from './group-commit.js'
import type { Db } from './open.js'

/** Making the ballots an older version kept as secret as a ballot is kept now (start-up steps, sealed-ballots.ts). */
export function ballotSecrecyRepo(db: Db, group: GroupCommit): Pick<SurveyRepo, 'sealBallots' | 'scrubBallotVotes'> {
  const seal = db.transaction((secretKey: (surveyId: string, respondentKey: string) => string) => {
    const named = db.prepare("SELECT id, opens_at FROM surveys WHERE kind = 'ballot' AND anonymous = 0").all() as Array<{ id: string; opens_at: string }>
    const rekey = db.prepare(
      'UPDATE survey_responses SET respondent_key = ?, mp_user_id = NULL, deputy_id = NULL, station_id = NULL, district_id = NULL, via = NULL, created_at = ? WHERE id = ?',
    )
    let votes = 0
    for (const b of named) {
      const rows = db.prepare('SELECT id, respondent_key FROM survey_responses WHERE survey_id = ?').all(b.id) as Array<{ id: string; respondent_key: string }>
      for (const r of rows)
        votes += rekey.run(r.respondent_key.startsWith('h:') ? r.respondent_key : secretKey(b.id, r.respondent_key), b.opens_at, r.id).changes
      db.prepare("DELETE FROM survey_tallies WHERE survey_id = ? AND scope <> ''").run(b.id)
      db.prepare('UPDATE surveys SET anonymous = 1, revision = revision + 1 WHERE id = ?').run(b.id)
    }
    return votes
  })

  const scrub = db.transaction((newId: () => string) => {
    const ballots = db.prepare("SELECT id, opens_at FROM surveys WHERE kind = 'ballot'").all() as Array<{ id: string; opens_at: string }>
    const votesOf = db.prepare('SELECT * FROM survey_responses WHERE survey_id = ?')
    // The old row steps aside from the unique key for the moment its new one is written, so the
    // answers and opinions that point at it move over with no foreign key ever broken.
    const stepAside = db.prepare("UPDATE survey_responses SET respondent_key = '~' || id WHERE id = ?")
    const rewrite = db.prepare(
      'INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at) VALUES (?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?)',
    )
    const moveTexts = db.prepare('UPDATE survey_text_answers SET response_id = ?, station_id = NULL, district_id = NULL, created_at = ? WHERE response_id = ?')
    const moveOpinions = db.prepare(
      'UPDATE survey_opinions SET response_id = ?, mp_user_id = NULL, via = NULL, station_id = NULL, created_at = ? WHERE response_id = ?',
    )
    const drop = db.prepare('DELETE FROM survey_responses WHERE id = ?')
    let votes = 0
    for (const b of ballots) {
      const renamed = (votesOf.all(b.id) as Array<{ id: string; respondent_key: string; answers: string; comments: string }>)
        .map((r) => ({ ...r, next: newId() }))
        .sort((x, y) => (x.next < y.next ? -1 : 1))
      // Written again in the order of their new ids: the table's own row order (rowid) followed the order they were cast.
      for (const r of renamed) {
        stepAside.run(r.id)
        rewrite.run(r.next, b.id, r.respondent_key, r.answers, r.comments, b.opens_at)
        moveTexts.run(r.next, b.opens_at, r.id)
        moveOpinions.run(r.next, b.opens_at, r.id)
        drop.run(r.id)
        votes++
      }
      db.prepare("DELETE FROM survey_tallies WHERE survey_id = ? AND scope <> ''").run(b.id)
    }
    return votes
  })

  return {
    async sealBallots(secretKey) {
      return group.run(() => seal(secretKey))
    },
    async scrubBallotVotes(newId) {
      return group.run(() => scrub(newId))
    },
  }
}
