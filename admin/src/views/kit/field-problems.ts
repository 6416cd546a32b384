import { reactive, watch, type WatchSource } from 'vue'
import { ApiError } from '../../api'
import { describe } from './errors'

/**
 * A refusal's problems said at the fields they are about, so that an organizer sees which box to
 * fix: `fields` names each field's paths as the server gives them ("body.endAt"; a path also
 * covers what is inside it: "body.selector" takes "body.selector.deputyIds[0]"). `rest` is what
 * is left for an alert: nothing when every problem has its field (each is said once, where it is
 * fixed), else the refusal's words with the problems no field shows, or the whole refusal when
 * it lists none (a lost connection, a 409).
 */
export function problemsAt<F extends string>(err: unknown, fields: Record<F, string[]>): { at: Record<F, string>; rest: string } {
  const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as Array<{ path?: string; message?: string }>) : []
  const within = (path: string | undefined, paths: string[]) => paths.some((p) => path === p || path?.startsWith(`${p}.`) || path?.startsWith(`${p}[`))
  const names = Object.keys(fields) as F[]
  const at = Object.fromEntries(
    names.map((f) => [
      f,
      // Two deputies refused alike read once.
      [...new Set(details.filter((d) => d.message && within(d.path, fields[f])).map((d) => d.message))].join('；'),
    ]),
  ) as Record<F, string>
  const left = details.filter((d) => !names.some((f) => within(d.path, fields[f])))
  if (!(err instanceof ApiError) || !details.length) return { at, rest: describe(err) }
  return { at, rest: left.length ? describe(new ApiError(err.status, err.code, err.message, left)) : '' }
}

/**
 * A form's problems by field, as its boxes show them: `at(f)` binds a form item's error status and
 * words; `clearOn(source, ...fields)` takes those fields' words away when the source changes (a box
 * changed is a problem answered; times judged together go together); `refused(err)` puts a
 * refusal's problems at their boxes and gives back the words for an alert (problemsAt's `rest`).
 * A form that shows only some of the boxes names them (`shown`): the others' problems go in the alert.
 */
export function useFieldProblems<F extends string>(fields: Record<F, string[]>) {
  const problems = reactive(Object.fromEntries(Object.keys(fields).map((f) => [f, '']))) as Record<F, string>
  const at = (f: F) => (problems[f] ? { status: 'error' as const, tips: problems[f] } : {})
  const clearOn = (source: WatchSource | WatchSource[] | object, ...which: F[]) =>
    watch(source as WatchSource, () => which.forEach((f) => (problems[f] = '')), { deep: true })
  function refused(err: unknown, shown: Partial<Record<F, string[]>> = fields): string {
    const { at: words, rest } = problemsAt(err, shown as Record<F, string[]>)
    Object.assign(problems, words)
    return rest
  }
  return { problems, at, clearOn, refused }
}
