import { randomBytes } from 'node:crypto'
import type { DeputyLevel } from '../../domain/directory.js'
import type { Article, PassRule, Question, SurveyKind } from '../../domain/survey.js'

export interface SurveyDraft {
  /**
   * Absent: a new random id. Given by a caller that must make one survey only (a year's 民生实事
   * ballot): a second create with it is 409 survey_exists and writes nothing, nor tells anyone.
   */
  id?: string
  kind: SurveyKind
  title: string
  description: string
  questions: Question[]
  articles: Article[]
  /** Absent: named, except a ballot, which is always secret. */
  anonymous?: boolean
  /**
   * Absent: now, by the server's clock, never the browser's (an office PC's may run ahead: residents
   * would read 尚未开始). A draft's start is when it is published, if that is later (see publish).
   */
  opensAt?: Date
  closesAt: Date
  responseCap: number | null
  /** Kept as a draft until published (absent: published at once). */
  draft?: boolean
  /** Ballots only: who votes and how projects pass. */
  ballot: { passRule: PassRule; maxChosen: number | null; roll: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] } } | null
  /** A survey or consultation asked of deputies (the same selector as a ballot's roll); absent: anyone with the poster. */
  audience?: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] } | null
}

/** A survey's short code, for its poster and link: no 0/O or 1/I to misread. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const newShortCode = () => Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
