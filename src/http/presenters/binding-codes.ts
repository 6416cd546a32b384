/** A one-time code and when it stops working. */
export const presentCode = (c: { code: string; expiresAt: Date }) => ({ code: c.code, expiresAt: c.expiresAt.toISOString() })

/** Her code for joining her chat, with the exact words she sends to the bot and for how many minutes it works. */
export const presentChatCode = (c: { code: string; expiresAt: Date; words: string; minutes: number }) => ({
  code: c.code,
  expiresAt: c.expiresAt.toISOString(),
  words: c.words,
  minutes: c.minutes,
})
