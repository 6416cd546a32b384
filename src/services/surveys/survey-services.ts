import type { Clock } from '../../clock.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { ReminderRound } from '../reminder-round.js'
import { BallotCount } from './ballot-count.js'
import { BallotResults } from './ballot-results.js'
import { BallotRoll } from './ballot-roll.js'
import { ConsultationOpinions } from './consultation-opinions.js'
import { ConsultationOutcome } from './consultation-outcome.js'
import { NotVotedSheet } from './not-voted-sheet.js'
import { SurveyReminders } from './survey-reminders.js'
import { SurveyReports } from './survey-reports.js'
import { SurveyResponses } from './survey-responses.js'
import { SurveyService } from './surveys.js'

/** Questionnaires, consultations and ballots, their answers, counts, reminders and reports (spread into createServices). */
export function createSurveyServices(
  store: Store,
  clock: Clock,
  timeZone: string,
  audit: AuditTrail,
  directory: DirectoryCache,
  cipher: Pick<PiiCipher, 'blindIndex'>,
  /** 提醒未参与: one round of reminders, as campaigns' 提醒未读. */
  reminderRound: ReminderRound,
  /** The privacy notice's version now: a named answer needs it agreed to (domain/consent-needed.ts). */
  privacyVersion: string,
) {
  const surveyResponses = new SurveyResponses(store, cipher, clock, { timeZone, privacyVersion }, directory)
  const ballotCount = new BallotCount(store, surveyResponses, directory, clock)
  const surveys = new SurveyService(store, clock, { timeZone }, audit, directory, ballotCount)
  const consultationOpinions = new ConsultationOpinions(store, surveys, clock, audit, directory)
  const ballotRoll = new BallotRoll(store, surveys, surveyResponses, directory, ballotCount, clock)
  return {
    surveys,
    consultationOpinions,
    surveyResponses,
    ballotRoll,
    ballotCount,
    ballotResults: new BallotResults(store, ballotCount, directory),
    surveyReminders: new SurveyReminders(ballotRoll, reminderRound, audit, clock, timeZone),
    notVotedSheet: new NotVotedSheet(ballotRoll, directory, audit),
    surveyReports: new SurveyReports(store, surveys, clock, { timeZone }, ballotCount, audit),
    consultationOutcome: new ConsultationOutcome(store, surveys, consultationOpinions, surveyResponses, clock, { timeZone }, audit),
  }
}
