/** A one-time code and when it stops working. */
export const presentCode = (c: { code: string; expiresAt: Date }) => ({ code: c.code, expiresAt: c.expiresAt.toISOString() })
