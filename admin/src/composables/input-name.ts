import type { Directive } from 'vue'

/**
 * `v-input-name="'接待开始时间'"` on a TDesign box (t-input, t-date-picker): the box's name on its text box itself,
 * where a screen reader (and a story's getByRole('textbox', { name })) looks for it. TDesign (1.20) puts an
 * aria-label given to the component on its wrapper <div>, a name nobody reads there; t-input has no prop for its
 * <input>, and the pickers' inputProps only reach that same t-input. A date picker with `value-display` keeps the
 * same <input> (empty, the date in words beside it): that input is what takes the focus, and is named all the same.
 * A list of names (a range picker's two boxes) names its inputs in order. Set again on every update: the name may change.
 */
function nameInputs(box: HTMLElement, name: string | readonly string[] | undefined) {
  const names = typeof name === 'string' || name === undefined ? [name] : name
  const inputs = box.querySelectorAll('input')
  names.forEach((n, i) => {
    const input = inputs[i]
    if (!input) return
    if (n) input.setAttribute('aria-label', n)
    else input.removeAttribute('aria-label')
  })
}

export const vInputName: Directive<HTMLElement, string | readonly string[] | undefined> = {
  mounted: (box, { value }) => nameInputs(box, value),
  updated: (box, { value }) => nameInputs(box, value),
}
