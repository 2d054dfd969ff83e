// Starts Pagefind's default UI on the search page. Its script is an external
// file under /pagefind/ (CSP 'self'), added here rather than inline.
interface PagefindUIOptions {
  element: string
  bundlePath: string
  showImages: boolean
  resetStyles: boolean
}
import { SEARCH_BUNDLE_PATH } from '@cles/content/routes'

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown
  }
}

const UI_SCRIPT = `${SEARCH_BUNDLE_PATH}pagefind-ui.js`
/** Given to Pagefind's field once it exists; the page's label has no `for` until then. */
const INPUT_ID = 'recherche-champ'

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`${src} failed to load`))
    document.head.append(script)
  })
}

/** Pagefind's input has only a title; tie it to the page's visible label. */
function labelInput(root: HTMLElement, label: HTMLLabelElement): boolean {
  const input = root.querySelector<HTMLInputElement>('input[type="text"], input[type="search"], input')
  if (!input) return false
  input.id = INPUT_ID
  label.htmlFor = INPUT_ID
  input.removeAttribute('title')
  label.hidden = false
  return true
}

export async function startSearch() {
  const root = document.querySelector<HTMLElement>('[data-search-ui]')
  const label = document.querySelector<HTMLLabelElement>('[data-search-label]')
  if (!root || !label) return
  await loadScript(UI_SCRIPT)
  if (!window.PagefindUI) return
  new window.PagefindUI({ element: `#${root.id}`, bundlePath: SEARCH_BUNDLE_PATH, showImages: false, resetStyles: false })
  if (labelInput(root, label)) return
  const observer = new MutationObserver(() => {
    if (labelInput(root, label)) observer.disconnect()
  })
  observer.observe(root, { childList: true, subtree: true })
}
