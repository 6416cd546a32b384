// Who hears of a proposal is a pure rule, kept in domain/livelihood-proposers.ts; these names stay importable from here.
export { byProposer, proposerKey, proposerOf } from '../../domain/livelihood-proposers.js'
