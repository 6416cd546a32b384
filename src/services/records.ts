/**
 * The stored records services hand to the HTTP layer, named here so that presenters take
 * their shapes from the services that return them, never from the store itself.
 */
export type { AppraisalRecord, AuditRecord, DeputyRecord, DirectoryCounts, MpUserRecord, OutboxMessage, PointRuleSet, StaffRecord } from '../store/ports.js'
export type { TextAnswer } from '../store/survey-ports.js'
