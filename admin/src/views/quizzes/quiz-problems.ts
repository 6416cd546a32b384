import { useFieldProblems } from '../kit/field-problems'
import { QUIZ_FIELDS, type QuizForm } from './quiz-form'

/**
 * The quiz form's problems beside its boxes, as the survey and meeting forms say theirs: `at(box)`
 * binds a form item's error; `refused(err)` puts a refusal's problems at their boxes and gives back
 * what no box shows, for the alert. A box changed takes its words away; the two times are judged
 * together (end after start), so changing either takes away both.
 */
export function useQuizProblems(form: QuizForm) {
  const { at, clearOn, refused } = useFieldProblems(QUIZ_FIELDS)
  for (const box of ['title', 'description', 'audience', 'drawCount', 'timeLimitSeconds', 'attemptsAllowed'] as const) clearOn(() => form[box], box)
  clearOn([() => form.opensAt, () => form.closesAt], 'opensAt', 'closesAt')
  return { at, refused }
}
