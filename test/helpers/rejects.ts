/** The error a promise rejects with; fails the test when it resolves. */
export async function rejects(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}
