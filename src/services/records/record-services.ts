import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { Uploads } from '../cases/uploads.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { SuggestionTallies } from '../suggestions/suggestion-tally.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { SurveyService } from '../surveys/surveys.js'
import { RecordAppraisals } from './appraisals.js'
import { DeputyRecords } from './deputy-records.js'
import { PointRules } from './point-rules.js'
import { RecordActivities } from './record-activities.js'
import { RecordScope } from './record-scope.js'

/** What the deputies' records (履职档案) are built from: the other areas they count. */
export interface RecordServicesDeps {
  store: Store
  clock: Clock
  timeZone: string
  audit: AuditTrail
  directory: DirectoryCache
  uploads: Uploads
  surveys: SurveyService
  responses: SurveyResponses
}

/** 履职档案: point rules, each deputy's record, activities and 述职评议 (spread into createServices). */
export function createRecordServices({ store, clock, timeZone, audit, directory, uploads, surveys, responses }: RecordServicesDeps) {
  const scope = new RecordScope(directory)
  const pointRules = new PointRules(store, clock, audit, directory)
  // Suggestions made and co-signed come from the suggestions area.
  const deputyRecords = new DeputyRecords({ store, scope, rules: pointRules, responses, clock, timeZone, suggestionTally: new SuggestionTallies(store) })
  return {
    pointRules,
    deputyRecords,
    recordActivities: new RecordActivities({ store, uploads, scope, clock, timeZone }),
    // The residents who rate a deputy read his yearly report as he does: the same builder.
    appraisals: new RecordAppraisals({ store, surveys, responses, scope, directory, clock, records: deputyRecords, audit, timeZone }),
  }
}
