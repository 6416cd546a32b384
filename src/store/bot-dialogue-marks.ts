/**
 * How long the mark of words let go stays (a dialogue that held words of hers not sent, kept past its time): a month,
 * for the bot to tell her at her next message that they were not kept. Past it she is not told: both adapters.
 */
export const LAPSED_WORDS_MARK_MS = 30 * 24 * 3_600_000
