import type { Clock } from '../../clock.js'
import { definitionProblems, frozenByAnswers, sameValue, surveyPhase, type SurveyCorrection, type SurveyRecord } from '../../domain/survey.js'
import { ConflictError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { BallotCount } from './ballot-count.js'
import { KIND_WORDS } from './survey-words.js'

/** A correction as asked: a start of null is a draft's start left empty (it opens when it is published). */
export type SurveyCorrectionInput = Omit<SurveyCorrection, 'opensAt'> & { opensAt?: Date | null }

/**
 * An empty start as at creating: a draft's start that has come (or now, by the server's clock, for
 * one still to come), which publishing makes the publishing time. Only a draft can have none.
 */
function startResolved(s: SurveyRecord, asked: SurveyCorrectionInput, now: Date): SurveyCorrection {
  const { opensAt, ...rest } = asked
  if (opensAt !== null) return asked as SurveyCorrection
  if (!s.draft) throw new UnprocessableError(KIND_WORDS[s.kind].invalid, [{ path: 'body.opensAt', message: '已经发布，请填写开始时间' }], 'invalid_survey')
  // Left out, not undefined: the record is the survey spread with the correction.
  return s.opensAt <= now ? rest : { ...rest, opensAt: now }
}

/**
 * Corrects a survey after creation: title and description always; the times (extend,
 * close early) while it has not ended; questions and articles only while nobody has
 * answered (409 with the reason otherwise). Each change is audited with what it was.
 */
export async function correctSurvey(
  deps: {
    store: Pick<Store, 'surveys'>
    clock: Clock
    count: Pick<BallotCount, 'fixAtClose'>
    audit: Pick<AuditTrail, 'record'>
  },
  staff: StaffPrincipal,
  s: SurveyRecord,
  asked: SurveyCorrectionInput,
): Promise<SurveyRecord> {
  const now = deps.clock.now()
  const correction = startResolved(s, asked, now)
  if (correction.articles !== undefined && s.kind !== 'consultation')
    throw new UnprocessableError(KIND_WORDS[s.kind].invalid, [{ path: 'body.articles', message: '只有立法征求意见才有草案条文' }], 'invalid_survey')
  const frozen = frozenByAnswers(s, correction, now)
  if (frozen.length)
    throw new ConflictError(
      frozen[0]!.message,
      frozen.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      'survey_frozen',
    )
  const changed = (Object.keys(correction) as (keyof SurveyCorrection)[]).filter((k) => correction[k] !== undefined && !sameValue(correction[k], s[k]))
  if (!changed.length) return s
  const next: SurveyRecord = { ...s, ...correction, articles: correction.articles ?? s.articles, updatedAt: now }
  // Closing early is closing now, never in the past: answers already in stay counted. Before
  // its opening, as POST /close: it ends now, and does not read as coming.
  const endsNow = !s.draft && !!correction.closesAt && next.closesAt < now
  if (endsNow) {
    next.closesAt = now
    if (now < next.opensAt) next.opensAt = now
    if (next.opensAt.getTime() !== s.opensAt.getTime() && !changed.includes('opensAt')) changed.push('opensAt')
  }
  // A draft's end already past is not an early close: nobody could answer it, and it could never
  // be published. Refused at the end, once (not also as "before the start").
  const endPassed = s.draft && !!correction.closesAt && next.closesAt <= now
  const problems = definitionProblems(next).filter((p) => !((endsNow || endPassed) && p.path === 'closesAt'))
  if (endPassed) problems.push({ path: 'closesAt', message: '结束时间已经过了，请改到以后的时间' })
  if (problems.length)
    throw new UnprocessableError(
      KIND_WORDS[s.kind].invalid,
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      'invalid_survey',
    )
  // Changing what answers refer to holds only while nobody has answered, checked again in the write itself.
  let saved = await deps.store.surveys.update(next, { unanswered: changed.includes('questions') || changed.includes('articles') })
  // Closed by this correction (or already): as at POST /close, a ballot's count is fixed now.
  if (surveyPhase(saved, now) === 'closed') saved = await deps.count.fixAtClose(saved)
  await deps.audit.record(
    staff,
    'survey.corrected',
    { kind: 'survey', id: s.id },
    {
      fields: changed,
      before: Object.fromEntries(changed.map((k) => [k, s[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    },
  )
  return saved
}
