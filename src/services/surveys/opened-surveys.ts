import type { SurveyRecord } from '../../domain/survey.js'

/** A survey as the answer path read it, with what each answer asks of it made ready once. */
export interface OpenedSurvey {
  survey: SurveyRecord
  /** A 述职评议 owns it: answered only through the appraisal's page. */
  appraisal: boolean
  /** The store's revision of it when read: an answer judged on this copy is written only while the survey is still at it. */
  revision: number
  /** A ballot's roll as a set: a vote does not walk a list of thousands of deputies. */
  roll: ReadonlySet<string> | null
}

/**
 * The surveys people are answering, kept in memory by id and by poster code, so an answer
 * reads nothing before its write (a poster brings thousands of answers to one survey). Kept
 * copies are safe across instances: the write names the revision it was judged on and the
 * store refuses it when the survey moved since, and a refusal judged on a kept copy is
 * judged again on the survey as stored (survey-responses.ts).
 */
export class OpenedSurveys {
  private readonly byRef = new Map<string, OpenedSurvey>()

  constructor(private readonly most = 100) {}

  /** `ref`: the survey's id, or its poster code in capitals. */
  get(ref: string): OpenedSurvey | undefined {
    return this.byRef.get(ref)
  }

  keep(survey: SurveyRecord, appraisal: boolean, revision: number): OpenedSurvey {
    const opened = { survey, appraisal, revision, roll: survey.ballot ? new Set(survey.ballot.rollDeputyIds) : null }
    // Two keys per survey; past the bound, start again rather than track which is oldest.
    if (this.byRef.size >= this.most * 2) this.byRef.clear()
    this.byRef.set(survey.id, opened)
    this.byRef.set(survey.shortCode, opened)
    return opened
  }

  forget(opened: OpenedSurvey) {
    for (const ref of [opened.survey.id, opened.survey.shortCode]) if (this.byRef.get(ref) === opened) this.byRef.delete(ref)
  }
}
