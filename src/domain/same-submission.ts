import type { CaseRecord } from './case.js'
import type { RoutingReason } from './routing-types.js'

/**
 * What a resident's message is, as she sent it: her words, photos, place, whom she wrote to (the reasons routing gave
 * for her QR code, link or choice: the same target gives the same ones), anonymity, consent to publish and her phone.
 * `phone` undefined: not known (a stored number no longer readable), then not compared.
 */
export interface SentMessage extends Pick<CaseRecord, 'text' | 'images' | 'regionId' | 'anonymous' | 'publicConsent' | 'routingReasons'> {
  phone: string | null | undefined
}

/** The reasons routing gave for the target she named (rule 1), compared by code and words, not for its own choices. */
const explicitReasons = (reasons: readonly RoutingReason[]) => reasons.filter((r) => r.rule === 'explicit')

/**
 * Whether a resend under an Idempotency-Key already used is the same message as the one first stored under it. Only
 * then may the first be handed back (its answer was lost, it was sent again); anything else is another message, and
 * answering it with the first would tell her that words never kept were sent.
 */
export function sameSubmission(first: SentMessage, again: SentMessage): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const target = (m: SentMessage) => explicitReasons(m.routingReasons).map((r) => [r.code, r.message])
  return (
    first.text === again.text &&
    same(first.images, again.images) &&
    (first.regionId ?? null) === (again.regionId ?? null) &&
    first.anonymous === again.anonymous &&
    first.publicConsent === again.publicConsent &&
    same(target(first), target(again)) &&
    (first.phone === undefined || again.phone === undefined || first.phone === again.phone)
  )
}
